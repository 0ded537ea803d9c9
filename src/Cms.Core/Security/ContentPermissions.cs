using System.Collections.Concurrent;
using Cms.Core.Content;

namespace Cms.Core.Security;

/// <summary>
/// Per content type permissions: <c>Edit_Article</c>, <c>EditOwn_Article</c>, <c>Publish_Article</c>, ...
/// (Orchard Core's names) plus the workflow's <c>Submit_Article</c> / <c>SubmitOwn_Article</c> and
/// <c>Review_Article</c>. "Own" applies when the item's Owner is the caller.
/// </summary>
public static class ContentPermissions
{
    // Asked for on every permission check of every item; the names of the few content types are built once.
    private static readonly ConcurrentDictionary<(ContentAction Action, string ContentType, bool Own), string> Names = new();

    /// <summary>
    /// The permission for an action on a type. Reviewing has no "own" variant (nobody approves their own work by
    /// a narrower grant), so its "own" name is the full one.
    /// </summary>
    public static string Name(ContentAction action, string contentType, bool own) =>
        Names.GetOrAdd((action, contentType, own && HasOwnVariant(action)), static key => Build(key.Action, key.ContentType, key.Own));

    public static bool HasOwnVariant(ContentAction action) => action != ContentAction.Review;

    private static string Build(ContentAction action, string contentType, bool own) => action switch
    {
        ContentAction.View => own ? $"ViewOwn_{contentType}" : $"View_{contentType}",
        ContentAction.Preview => own ? $"PreviewOwn_{contentType}" : $"Preview_{contentType}",
        ContentAction.Edit => own ? $"EditOwn_{contentType}" : $"Edit_{contentType}",
        ContentAction.Publish => own ? $"PublishOwn_{contentType}" : $"Publish_{contentType}",
        ContentAction.Delete => own ? $"DeleteOwn_{contentType}" : $"Delete_{contentType}",
        ContentAction.Submit => own ? $"SubmitOwn_{contentType}" : $"Submit_{contentType}",
        ContentAction.Review => $"Review_{contentType}",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>The list permission of a type: <c>ListContent_Article</c>.</summary>
    public static string List(string contentType) => $"ListContent_{contentType}";

    /// <summary>Every permission of a securable type, for the role editor's matrix.</summary>
    public static IReadOnlyList<string> ForType(string contentType) =>
    [
        .. Enum.GetValues<ContentAction>().SelectMany(a => HasOwnVariant(a)
            ? new[] { Name(a, contentType, own: false), Name(a, contentType, own: true) }
            : [Name(a, contentType, own: false)]),
        List(contentType),
    ];
}
