namespace Cms.Security.Users;

/// <summary>
/// The edit-user form's profile fields, and nothing else: roles, the enabled flag and the password change only
/// through <see cref="UserAdministration.SetRolesAsync"/>, <see cref="UserAdministration.SetEnabledAsync"/> and
/// <see cref="UserAdministration.ResetPasswordAsync"/>, so binding a form to this type cannot change them.
/// </summary>
public sealed record UserProfileUpdate
{
    public string? DisplayName { get; init; }
    public required string Email { get; init; }
}
