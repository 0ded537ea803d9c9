using Microsoft.AspNetCore.Identity;

namespace Cms.Admin.Services.Default;

/// <summary>Turns Identity's errors into admin errors, attached to the field they are about.</summary>
internal static class IdentityErrors
{
    public static AdminResult ToResult(IdentityResult result, string? defaultField) =>
        new([.. result.Errors.Select(e => new AdminError(FieldOf(e.Code) ?? defaultField, e.Description))]);

    private static string? FieldOf(string code) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) => "Password",
        "DuplicateUserName" or "InvalidUserName" => "UserName",
        "DuplicateEmail" or "InvalidEmail" => "Email",
        "DuplicateRoleName" or "InvalidRoleName" => "Name",
        _ => null,
    };
}
