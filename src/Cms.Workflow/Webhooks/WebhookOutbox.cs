using Cms.Core.Content;
using Cms.Core.Events;
using Cms.Data;
using Cms.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cms.Workflow.Webhooks;

/// <summary>
/// Writes one delivery per subscribed endpoint inside the transaction of a content change, beside the change's entry
/// in the event list: the delivery exists if and only if the change committed, whichever process made it (a node,
/// the <c>recipe run</c> command), and nothing is lost if the process dies before sending.
/// </summary>
public sealed class WebhookOutbox(CmsDbContext db, TimeProvider clock, IOptions<WebhookOptions> options) : IContentChangeHandler
{
    // Loaded once per scope: a recipe run that publishes thousands of items asks once.
    private List<WebhookEndpointRecord>? _endpoints;

    public async Task OnChangingAsync(ContentChange change, CancellationToken cancellationToken)
    {
        if (WebhookEvents.For(change.Kind) is not { } name)
        {
            return;
        }

        _endpoints ??= await db.WebhookEndpoints.AsNoTracking().Where(e => e.Enabled).ToListAsync(cancellationToken);
        var targets = _endpoints.Where(e => WebhookEndpointRules.Matches(e, name, change.Item.ContentType)).ToList();
        if (targets.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var eventId = "evt_" + Guid.NewGuid().ToString("N");
        foreach (var endpoint in targets)
        {
            db.WebhookDeliveries.Add(new WebhookDeliveryRecord
            {
                EndpointId = endpoint.Id,
                MessageId = "msg_" + Guid.NewGuid().ToString("N"),
                EventId = eventId,
                EventType = WebhookEvents.TypeName(name),
                ContentType = change.Item.ContentType,
                ContentItemId = change.Item.ContentItemId,
                ContentItemVersionId = change.Item.ContentItemVersionId,
                Path = change.Item.Part(BuiltInParts.AutoroutePart)?["Path"]?.GetValue<string>(),
                OccurredUtc = now,
                Status = WebhookDeliveryStatus.Pending,
                NextAttemptUtc = now,
                RetryUntilUtc = now + options.Value.RetryWindow,
                CreatedUtc = now,
            });
        }
    }
}
