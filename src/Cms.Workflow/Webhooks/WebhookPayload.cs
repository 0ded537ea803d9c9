using System.Globalization;
using System.Text.Json;
using Cms.Data.Entities;

namespace Cms.Workflow.Webhooks;

/// <summary>
/// The body of a delivery, made from the delivery's own columns (so every attempt sends the same bytes): the event's
/// id, type and time, and the item's type, id, version and path. Never a user, a body text or a secret.
/// </summary>
public static class WebhookPayload
{
    public static string Serialize(WebhookDeliveryRecord delivery)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", delivery.EventId);
            json.WriteString("type", delivery.EventType);
            json.WriteString("timestamp", delivery.OccurredUtc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteStartObject("data");
            json.WriteString("contentType", delivery.ContentType);
            json.WriteString("contentItemId", delivery.ContentItemId);
            json.WriteString("contentItemVersionId", delivery.ContentItemVersionId);
            json.WriteString("path", delivery.Path);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
