using Cms.Core.Audit;
using Cms.Core.Content;
using Cms.Core.Metadata;
using Cms.Core.Security;
using Cms.Data;
using Cms.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cms.Workflow.Webhooks;

/// <summary>
/// Webhook endpoints and their delivery logs, for the admin pages and the <c>/api/webhooks</c> API alike. Every method
/// demands <c>ManageWebhooks</c> (Administrator holds it); bad input throws <see cref="ContentValidationException"/>
/// naming the field and changes nothing; a missing endpoint or delivery is null (or false).
/// </summary>
public sealed class WebhookService(
    CmsDbContext db,
    IContentAccess access,
    IContentDefinitionManager definitions,
    WebhookTargetGuard guard,
    WebhookSecretProtector secrets,
    IAuditLog audit,
    TimeProvider clock,
    IOptions<WebhookOptions> options,
    ILogger<WebhookService> logger)
{
    public const string AuditTarget = "Webhook";
    public const int MaxPageSize = 200;

    public async Task<IReadOnlyList<WebhookEndpointView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await DemandAsync(cancellationToken);
        var rows = await db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.CreatedUtc).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        return rows.Select(ToView).ToList();
    }

    public async Task<WebhookEndpointView?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await DemandAsync(cancellationToken);
        var row = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        return row is null ? null : ToView(row);
    }

    /// <summary>Registers an endpoint with a new secret, returned this once.</summary>
    public async Task<WebhookEndpointCreated> CreateAsync(WebhookEndpointInput input, CancellationToken cancellationToken = default)
    {
        await DemandAsync(cancellationToken);
        await ValidateAsync(input, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var secret = WebhookSignature.NewSecret();
        var row = new WebhookEndpointRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            CreatedUtc = now,
            CreatedBy = access.Actor.UserName,
            ProtectedSecret = secrets.Protect(secret),
        };
        Apply(row, input, now);
        db.WebhookEndpoints.Add(row);
        Audit("webhook.created", row);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Webhook endpoint {EndpointId} registered for {Events}", row.Id, row.Events);
        return new WebhookEndpointCreated(ToView(row), secret);
    }

    public async Task<WebhookEndpointView?> UpdateAsync(string id, WebhookEndpointInput input, CancellationToken cancellationToken = default)
    {
        await DemandAsync(cancellationToken);
        var row = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (row is null)
        {
            return null;
        }

        await ValidateAsync(input, cancellationToken);
        Apply(row, input, clock.GetUtcNow().UtcDateTime);
        Audit("webhook.updated", row);
        await db.SaveChangesAsync(cancellationToken);
        return ToView(row);
    }

    /// <summary>Replaces the secret (shown this once); deliveries sent from now on are signed with the new one.</summary>
    public async Task<WebhookEndpointCreated?> RotateSecretAsync(string id, CancellationToken cancellationToken = default)
    {
        await DemandAsync(cancellationToken);
        var row = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var secret = WebhookSignature.NewSecret();
        row.ProtectedSecret = secrets.Protect(secret);
        row.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        Audit("webhook.secret-rotated", row);
        await db.SaveChangesAsync(cancellationToken);
        return new WebhookEndpointCreated(ToView(row), secret);
    }

    /// <summary>Removes the endpoint and its delivery log; pending deliveries are not sent.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await DemandAsync(cancellationToken);
        var row = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (row is null)
        {
            return false;
        }

        db.WebhookEndpoints.Remove(row);
        Audit("webhook.deleted", row);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The endpoint's deliveries, newest first; null when the endpoint does not exist.</summary>
    public async Task<(IReadOnlyList<WebhookDeliveryView> Items, int Total)?> DeliveriesAsync(string endpointId, int skip, int take, CancellationToken cancellationToken = default)
    {
        await DemandAsync(cancellationToken);
        if (take is < 1 or > MaxPageSize)
        {
            throw new ContentValidationException("$.take", $"must be between 1 and {MaxPageSize}.");
        }

        if (skip < 0)
        {
            throw new ContentValidationException("$.skip", "must not be negative.");
        }

        if (!await db.WebhookEndpoints.AnyAsync(e => e.Id == endpointId, cancellationToken))
        {
            return null;
        }

        var rows = db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpointId);
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(d => d.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return (page.Select(ToView).ToList(), total);
    }

    /// <summary>
    /// Sends a delivery again, now, under its same <c>webhook-id</c> (receivers that already have it can tell), with
    /// a fresh retry window; null when the endpoint has no such delivery.
    /// </summary>
    public async Task<WebhookDeliveryView?> RedeliverAsync(string endpointId, long deliveryId, CancellationToken cancellationToken = default)
    {
        await DemandAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + options.Value.RetryWindow;
        if (!await db.WebhookDeliveries.AnyAsync(d => d.Id == deliveryId && d.EndpointId == endpointId, cancellationToken))
        {
            return null;
        }

        // A claim in progress is left alone: the attempt under way decides, and a failure is retried anyway.
        var changed = await db.WebhookDeliveries
            .Where(d => d.Id == deliveryId && d.EndpointId == endpointId && (d.ClaimedUntilUtc == null || d.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Status, WebhookDeliveryStatus.Pending)
                .SetProperty(d => d.NextAttemptUtc, now)
                .SetProperty(d => d.RetryUntilUtc, until)
                .SetProperty(d => d.CompletedUtc, (DateTime?)null), cancellationToken);
        if (changed == 0)
        {
            throw new ContentValidationException("$", "The delivery is being sent right now; look again in a moment.");
        }

        audit.Add(new AuditEntry("webhook.redelivered", AuditTarget, endpointId) { Summary = $"Delivery {deliveryId}" });
        await db.SaveChangesAsync(cancellationToken);
        var row = await db.WebhookDeliveries.AsNoTracking().FirstAsync(d => d.Id == deliveryId, cancellationToken);
        return ToView(row);
    }

    private async Task ValidateAsync(WebhookEndpointInput input, CancellationToken cancellationToken)
    {
        var errors = new List<ContentValidationError>();
        var url = input.Url?.Trim() ?? "";
        if (url.Length == 0)
        {
            errors.Add(new ContentValidationError("$.url", "is required."));
        }
        else if (url.Length > 2048)
        {
            errors.Add(new ContentValidationError("$.url", "must be at most 2048 characters."));
        }
        else if (await guard.CheckUrlAsync(url, cancellationToken) is { } problem)
        {
            errors.Add(new ContentValidationError("$.url", problem));
        }

        if (input.Description is { Length: > 256 })
        {
            errors.Add(new ContentValidationError("$.description", "must be at most 256 characters."));
        }

        var events = input.Events ?? [];
        if (events.Count == 0)
        {
            errors.Add(new ContentValidationError("$.events", $"choose at least one of: {string.Join(", ", WebhookEvents.All)}."));
        }
        else if (events.FirstOrDefault(e => !WebhookEvents.All.Contains(e, StringComparer.Ordinal)) is { } unknown)
        {
            errors.Add(new ContentValidationError("$.events", $"'{unknown}' is not an event; use {string.Join(", ", WebhookEvents.All)}."));
        }

        var types = (input.ContentTypes ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        if (types.Count > 0)
        {
            var set = await definitions.GetAsync(cancellationToken);
            if (types.FirstOrDefault(t => !set.Types.ContainsKey(t)) is { } missing)
            {
                errors.Add(new ContentValidationError("$.contentTypes", $"'{missing}' is not a content type."));
            }
        }

        if (errors.Count > 0)
        {
            throw new ContentValidationException(errors);
        }
    }

    private static void Apply(WebhookEndpointRecord row, WebhookEndpointInput input, DateTime now)
    {
        row.Url = input.Url.Trim();
        row.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        row.Events = WebhookEndpointRules.Join(WebhookEvents.All.Where(e => input.Events.Contains(e, StringComparer.Ordinal)));
        row.ContentTypes = WebhookEndpointRules.Join(input.ContentTypes.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        row.Enabled = input.Enabled;
        row.ModifiedUtc = now;
    }

    // The URL's host only: a receiver may carry a token in its query string, which has no place in the audit trail.
    private void Audit(string kind, WebhookEndpointRecord row) =>
        audit.Add(new AuditEntry(kind, AuditTarget, row.Id) { Summary = Uri.TryCreate(row.Url, UriKind.Absolute, out var uri) ? uri.Host : null });

    private async Task DemandAsync(CancellationToken cancellationToken)
    {
        if (!await access.HasPermissionAsync(Permissions.ManageWebhooks, cancellationToken))
        {
            throw new ContentAccessDeniedException(Permissions.ManageWebhooks, (string?)null);
        }
    }

    private static WebhookEndpointView ToView(WebhookEndpointRecord row) => new(
        row.Id, row.Url, row.Description, WebhookEndpointRules.Split(row.Events), WebhookEndpointRules.Split(row.ContentTypes),
        row.Enabled, row.CreatedUtc, row.CreatedBy, row.ModifiedUtc);

    private static WebhookDeliveryView ToView(WebhookDeliveryRecord d) => new(
        d.Id, d.MessageId, d.EventId, d.EventType, d.ContentType, d.ContentItemId, d.ContentItemVersionId, d.Path, d.Status, d.Attempts,
        d.LastStatusCode, d.LastError, d.ResponseExcerpt, d.LastAttemptUtc, d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptUtc : null,
        d.CreatedUtc, d.CompletedUtc);
}
