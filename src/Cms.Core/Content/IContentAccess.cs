namespace Cms.Core.Content;

/// <summary>
/// The current caller and what they may do. The content manager asks it before every change, so a new
/// entry point cannot skip the check. The security layer supplies the real one.
/// </summary>
public interface IContentAccess
{
    ContentActor Actor { get; }

    Task<bool> IsAllowedAsync(ContentAction action, ContentItem item, CancellationToken cancellationToken = default);
}
