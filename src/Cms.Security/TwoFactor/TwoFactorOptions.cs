namespace Cms.Security.TwoFactor;

/// <summary>
/// <c>Cms:Security:RequireTwoFactorForRoles</c>: the roles whose members must sign in with a second step (an
/// authenticator code). A comma-separated list (<c>Administrator,Editor</c>) or an array; none by default.
/// </summary>
public sealed class TwoFactorOptions
{
    public const string Section = "Cms:Security:RequireTwoFactorForRoles";

    public IReadOnlyList<string> RequireTwoFactorForRoles { get; set; } = [];
}
