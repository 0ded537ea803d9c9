using Cms.Data.Entities;

namespace Cms.Workflow.Webhooks;

/// <summary>How an endpoint's lists are stored and which events it takes.</summary>
public static class WebhookEndpointRules
{
    public static IReadOnlyList<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static string Join(IEnumerable<string> values) => string.Join(',', values);

    /// <summary>Whether the endpoint subscribed to <paramref name="eventName"/> for items of <paramref name="contentType"/>.</summary>
    public static bool Matches(WebhookEndpointRecord endpoint, string eventName, string contentType)
    {
        if (!Split(endpoint.Events).Contains(eventName, StringComparer.Ordinal))
        {
            return false;
        }

        var types = Split(endpoint.ContentTypes);
        return types.Count == 0 || types.Contains(contentType, StringComparer.Ordinal);
    }
}
