using Microsoft.AspNetCore.Identity;

namespace Cms.Security.TwoFactor;

/// <summary>
/// The password was right, but one of the user's roles requires two-factor sign-in and they have not set it up: they
/// are not signed in, only allowed to enrol (<see cref="Identity.CmsSignInManager.GetPendingEnrolmentAsync"/>).
/// </summary>
public sealed class TwoFactorEnrolmentRequired : SignInResult
{
    public static readonly TwoFactorEnrolmentRequired Instance = new();

    private TwoFactorEnrolmentRequired()
    {
    }

    public override string ToString() => "RequiresTwoFactorEnrolment";
}
