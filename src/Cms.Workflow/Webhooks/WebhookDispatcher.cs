using System.Security.Cryptography;
using System.Text;
using Cms.Data;
using Cms.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cms.Workflow.Webhooks;

/// <summary>
/// Sends the deliveries that are due. A host claims a batch with one statement (on PostgreSQL <c>FOR UPDATE SKIP
/// LOCKED</c>, so two hosts never claim the same row; on SQLite writes are serialized anyway) that stamps each row with
/// this host's claim token and a lease; the outcome is written only while the claim is still this host's. A host that
/// dies mid-delivery leaves its claim to expire, and another host sends the delivery, under the same
/// <c>webhook-id</c>. Failures are retried with exponential backoff and jitter until the retry window closes.
/// </summary>
public sealed class WebhookDispatcher(
    CmsDbContext db,
    IHttpClientFactory httpClients,
    WebhookSecretProtector secrets,
    AuditOrigin origin,
    TimeProvider clock,
    IOptions<WebhookOptions> options,
    ILogger<WebhookDispatcher> logger)
{
    public const string HttpClientName = "Cms.Webhooks";

    /// <summary>How much of a response body the log keeps.</summary>
    public const int ExcerptLength = 256;

    private const int ErrorLength = 512;

    /// <summary>Sends everything due now; returns how many deliveries succeeded.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        var succeeded = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var token = $"{origin.Id}:{Guid.NewGuid():N}";
            var claimed = await ClaimAsync(token, cancellationToken);
            if (claimed.Count == 0)
            {
                break;
            }

            foreach (var id in claimed)
            {
                if (await DeliverAsync(id, token, cancellationToken))
                {
                    succeeded++;
                }
            }
        }

        return succeeded;
    }

    /// <summary>The delay before retry number <paramref name="attempt"/> + 1: doubling from the first delay, capped, half of it random.</summary>
    public static TimeSpan Backoff(WebhookOptions settings, int attempt)
    {
        var doubled = settings.RetryDelay.TotalSeconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var capped = Math.Min(doubled, settings.MaxRetryDelay.TotalSeconds);
        return TimeSpan.FromSeconds((capped / 2) + (Random.Shared.NextDouble() * capped / 2));
    }

    private async Task<List<long>> ClaimAsync(string token, CancellationToken cancellationToken)
    {
        var now = Now();

        // A read first: most polls find nothing, and then no node takes a write lock (SQLite has one for the whole file).
        if (!await db.WebhookDeliveries.AsNoTracking().AnyAsync(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptUtc <= now && (d.ClaimedUntilUtc == null || d.ClaimedUntilUtc < now), cancellationToken))
        {
            return [];
        }

        var until = now + options.Value.ClaimLease;
        var take = Math.Max(1, options.Value.BatchSize);
        var pending = WebhookDeliveryStatus.Pending;
        // Only PostgreSQL has row locks to skip; SQLite runs one writer at a time, so the same statement is safe there.
        FormattableString sql = $"""
            UPDATE "WebhookDeliveries" SET "ClaimToken" = {token}, "ClaimedUntilUtc" = {until}, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (SELECT "Id" FROM "WebhookDeliveries"
                WHERE "Status" = {pending} AND "NextAttemptUtc" <= {now} AND ("ClaimedUntilUtc" IS NULL OR "ClaimedUntilUtc" < {now})
                ORDER BY "NextAttemptUtc", "Id" LIMIT {take} FOR UPDATE SKIP LOCKED)
            RETURNING "Id" AS "Value"
            """;
        if (db is not PostgresCmsDbContext)
        {
            sql = $"""
                UPDATE "WebhookDeliveries" SET "ClaimToken" = {token}, "ClaimedUntilUtc" = {until}, "Attempts" = "Attempts" + 1
                WHERE "Id" IN (SELECT "Id" FROM "WebhookDeliveries"
                    WHERE "Status" = {pending} AND "NextAttemptUtc" <= {now} AND ("ClaimedUntilUtc" IS NULL OR "ClaimedUntilUtc" < {now})
                    ORDER BY "NextAttemptUtc", "Id" LIMIT {take})
                RETURNING "Id" AS "Value"
                """;
        }

        var ids = await db.Database.SqlQuery<long>(sql).ToListAsync(cancellationToken);
        ids.Sort();
        return ids;
    }

    private async Task<bool> DeliverAsync(long id, string token, CancellationToken cancellationToken)
    {
        var delivery = await db.WebhookDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.ClaimToken == token, cancellationToken);
        if (delivery is null)
        {
            return false;
        }

        var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == delivery.EndpointId, cancellationToken);
        if (endpoint is null)
        {
            return false;
        }

        var attempt = endpoint.Enabled
            ? await SendAsync(endpoint, delivery, cancellationToken)
            : new Attempt(null, "The endpoint is disabled; redeliver after enabling it.", null, Final: true);
        await CompleteAsync(delivery, token, attempt, cancellationToken);
        return attempt.Succeeded;
    }

    private async Task<Attempt> SendAsync(WebhookEndpointRecord endpoint, WebhookDeliveryRecord delivery, CancellationToken cancellationToken)
    {
        string secret;
        try
        {
            secret = secrets.Unprotect(endpoint.ProtectedSecret);
        }
        catch (CryptographicException)
        {
            return new Attempt(null, "The endpoint's secret cannot be decrypted with this host's data-protection keys; rotate the secret or share the keys between nodes.", null);
        }

        var body = WebhookPayload.Serialize(delivery);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("webhook-id", delivery.MessageId);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("webhook-signature", WebhookSignature.Sign(secret, delivery.MessageId, timestamp, body));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            var excerpt = await ReadExcerptAsync(response, timeout.Token);
            if (status is >= 200 and < 300)
            {
                return new Attempt(status, null, excerpt);
            }

            return new Attempt(status, status is >= 300 and < 400
                ? $"The endpoint answered {status} (a redirect); redirects are not followed: register the final URL."
                : $"The endpoint answered {status}.", excerpt);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Attempt(null, $"No answer within {options.Value.Timeout.TotalSeconds:0.#} seconds.", null);
        }
        catch (WebhookTargetException ex)
        {
            return new Attempt(null, "Refused: " + ex.Message, null);
        }
        catch (HttpRequestException ex) when (ex.InnerException is WebhookTargetException refused)
        {
            return new Attempt(null, "Refused: " + refused.Message, null);
        }
        catch (HttpRequestException ex)
        {
            return new Attempt(null, "The request failed: " + ex.Message, null);
        }
    }

    private static async Task<string?> ReadExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[ExcerptLength * 4];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        if (read == 0)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, read);
        return text.Length > ExcerptLength ? text[..ExcerptLength] : text;
    }

    private async Task CompleteAsync(WebhookDeliveryRecord delivery, string token, Attempt attempt, CancellationToken cancellationToken)
    {
        var now = Now();
        var next = delivery.NextAttemptUtc;
        string status;
        if (attempt.Succeeded)
        {
            status = WebhookDeliveryStatus.Succeeded;
        }
        else
        {
            next = now + Backoff(options.Value, delivery.Attempts);
            status = attempt.Final || next > delivery.RetryUntilUtc ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending;
        }

        DateTime? completed = status == WebhookDeliveryStatus.Pending ? null : now;
        var error = attempt.Error is { Length: > ErrorLength } text ? text[..ErrorLength] : attempt.Error;
        var written = await db.WebhookDeliveries
            .Where(d => d.Id == delivery.Id && d.ClaimToken == token && d.Status == WebhookDeliveryStatus.Pending)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Status, status)
                .SetProperty(d => d.NextAttemptUtc, next)
                .SetProperty(d => d.LastAttemptUtc, now)
                .SetProperty(d => d.LastStatusCode, attempt.StatusCode)
                .SetProperty(d => d.LastError, error)
                .SetProperty(d => d.ResponseExcerpt, attempt.Excerpt)
                .SetProperty(d => d.ClaimToken, (string?)null)
                .SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null)
                .SetProperty(d => d.CompletedUtc, completed), cancellationToken);
        if (written == 0)
        {
            logger.LogWarning("Webhook delivery {DeliveryId} was taken over by another host before this attempt finished", delivery.Id);
        }
        else if (attempt.Succeeded)
        {
            logger.LogInformation("Webhook delivery {DeliveryId} ({MessageId}) to endpoint {EndpointId} succeeded with {StatusCode}", delivery.Id, delivery.MessageId, delivery.EndpointId, attempt.StatusCode);
        }
        else
        {
            logger.LogWarning("Webhook delivery {DeliveryId} ({MessageId}) to endpoint {EndpointId} attempt {Attempt} failed: {Error}; now {Status}", delivery.Id, delivery.MessageId, delivery.EndpointId, delivery.Attempts, error, status);
        }
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    /// <summary>The outcome of one attempt; <paramref name="Final"/> stops retries.</summary>
    private sealed record Attempt(int? StatusCode, string? Error, string? Excerpt, bool Final = false)
    {
        public bool Succeeded => Error is null;
    }
}
