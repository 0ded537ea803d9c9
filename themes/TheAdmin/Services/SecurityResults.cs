using SecurityResult = Cms.Security.Administration.AdminResult;

namespace Cms.Admin.Services;

/// <summary>The security layer's results as the admin forms show them (an empty field name means the whole form).</summary>
internal static class SecurityResults
{
    public static AdminResult ToAdmin(SecurityResult result, Func<string, string>? fieldOf = null) =>
        result.Succeeded
            ? AdminResult.Success
            : new AdminResult([.. result.Errors.Select(e => new AdminError(e.Field.Length == 0 ? null : fieldOf?.Invoke(e.Field) ?? e.Field, e.Message))]);
}
