namespace Cms.Core.Content;

/// <summary>
/// The current caller and what they may do. The content manager asks it before every change, so a new
/// entry point cannot skip the check. The security layer supplies the real one.
/// </summary>
public interface IContentAccess
{
    ContentActor Actor { get; }

    Task<bool> IsAllowedAsync(ContentAction action, ContentItem item, CancellationToken cancellationToken = default);

    /// <summary>How far an action reaches over a whole type, for list queries: none, own items, or all.</summary>
    Task<Security.AccessScope> GetScopeAsync(ContentAction action, string contentType, CancellationToken cancellationToken = default);

    /// <summary>Whether the caller holds a global permission (see <see cref="Security.Permissions"/>).</summary>
    Task<bool> HasPermissionAsync(string permission, CancellationToken cancellationToken = default);
}
