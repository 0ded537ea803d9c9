namespace Cms.Core.Audit;

/// <summary>The kinds of things audit entries are about.</summary>
public static class AuditTargets
{
    public const string ContentItem = "ContentItem";
    public const string User = "User";
    public const string Role = "Role";
    public const string Client = "Client";
    public const string Token = "Token";

    /// <summary>A named document: content definitions, workflows, site settings, media profiles.</summary>
    public const string Document = "Document";

    /// <summary>The shared OpenID signing and encryption keys (never their material, only that one was created).</summary>
    public const string Keys = "Keys";
}
