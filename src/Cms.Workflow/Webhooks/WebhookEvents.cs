using Cms.Core.Events;

namespace Cms.Workflow.Webhooks;

/// <summary>The events an endpoint can subscribe to, and their names on the wire (<c>content.published</c>, ...).</summary>
public static class WebhookEvents
{
    public const string Published = "published";
    public const string Unpublished = "unpublished";
    public const string Deleted = "deleted";

    public static readonly IReadOnlyList<string> All = [Published, Unpublished, Deleted];

    /// <summary>The subscription name of a content event, or null for events that webhooks do not carry.</summary>
    public static string? For(ContentEventKind kind) => kind switch
    {
        ContentEventKind.Published => Published,
        ContentEventKind.Unpublished => Unpublished,
        ContentEventKind.Deleted => Deleted,
        _ => null,
    };

    /// <summary>The payload's <c>type</c>.</summary>
    public static string TypeName(string name) => "content." + name;
}
