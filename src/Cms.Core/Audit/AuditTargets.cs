namespace Cms.Core.Audit;

/// <summary>The kinds of things audit entries are about.</summary>
public static class AuditTargets
{
    public const string ContentItem = "ContentItem";
    public const string User = "User";
    public const string Role = "Role";
    public const string Client = "Client";
    public const string Token = "Token";
}
