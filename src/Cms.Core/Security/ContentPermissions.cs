using System.Collections.Concurrent;
using Cms.Core.Content;

namespace Cms.Core.Security;

/// <summary>
/// Per content type permissions: <c>Edit_Article</c>, <c>EditOwn_Article</c>, <c>Publish_Article</c>, ...
/// (Orchard Core's names). "Own" applies when the item's Owner is the caller.
/// </summary>
public static class ContentPermissions
{
    // Asked for on every permission check of every item; the names of the few content types are built once.
    private static readonly ConcurrentDictionary<(ContentAction Action, string ContentType, bool Own), string> Names = new();

    public static string Name(ContentAction action, string contentType, bool own) =>
        Names.GetOrAdd((action, contentType, own), static key => Build(key.Action, key.ContentType, key.Own));

    private static string Build(ContentAction action, string contentType, bool own) => action switch
    {
        ContentAction.View => own ? $"ViewOwn_{contentType}" : $"View_{contentType}",
        ContentAction.Preview => own ? $"PreviewOwn_{contentType}" : $"Preview_{contentType}",
        ContentAction.Edit => own ? $"EditOwn_{contentType}" : $"Edit_{contentType}",
        ContentAction.Publish => own ? $"PublishOwn_{contentType}" : $"Publish_{contentType}",
        ContentAction.Delete => own ? $"DeleteOwn_{contentType}" : $"Delete_{contentType}",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>The list permission of a type: <c>ListContent_Article</c>.</summary>
    public static string List(string contentType) => $"ListContent_{contentType}";

    /// <summary>Every permission of a securable type, for the role editor's matrix.</summary>
    public static IReadOnlyList<string> ForType(string contentType) =>
    [
        .. Enum.GetValues<ContentAction>().SelectMany(a => new[] { Name(a, contentType, own: false), Name(a, contentType, own: true) }),
        List(contentType),
    ];
}
