using System.Security.Cryptography;
using System.Text;
using Cms.Core.Audit;
using Cms.Core.Content;
using Cms.Core.Security;
using Cms.Core.Storage;
using Cms.Data;
using Cms.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cms.Preview.Links;

/// <summary>
/// Share-preview links: a link opens the latest version of one item, without an account, until it expires or is
/// revoked. The token is 256 random bits handed out once; the database keeps only its SHA-256, with the item, the
/// maker and the times, so revocation and expiry hold on every node. Making, listing and revoking links need the
/// preview permission on the item; making and revoking are written to the audit trail.
/// </summary>
public sealed class PreviewLinkService(
    CmsDbContext db,
    IContentStore store,
    IContentAccess access,
    IContentManager content,
    Cms.Workflow.Engine.WorkflowService workflow,
    IAuditLog audit,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IOptions<PreviewOptions> options,
    ILogger<PreviewLinkService> logger)
{
    public const string CreatedKind = "preview-link.created";
    public const string RevokedKind = "preview-link.revoked";
    public const string PathPrefix = "/preview/";

    public static string PathFor(string token) => PathPrefix + token;

    public async Task<CreatedPreviewLink> CreateAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var item = await RequirePreviewableAsync(contentItemId, cancellationToken);
        var token = NewToken();
        var now = Now();
        var record = new PreviewLinkRecord
        {
            Id = IdGenerator.NewId(),
            ContentItemId = item.ContentItemId,
            TokenHash = Hash(token),
            CreatedBy = access.Actor.UserId ?? access.Actor.ClientId,
            CreatedByName = access.Actor.UserName,
            CreatedUtc = now,
            ExpiresUtc = now + options.Value.ShareLinkLifetime,
        };
        db.PreviewLinks.Add(record);
        audit.Add(new AuditEntry(CreatedKind, AuditTargets.ContentItem, item.ContentItemId)
        {
            ContentType = item.ContentType,
            ContentItemVersionId = item.ContentItemVersionId,
            Summary = $"Share-preview link {record.Id}, valid until {record.ExpiresUtc:yyyy-MM-dd HH:mm} UTC.",
        });
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Share-preview link {LinkId} made for {ContentItemId}, valid until {ExpiresUtc}", record.Id, item.ContentItemId, record.ExpiresUtc);
        return new CreatedPreviewLink(ToView(record, now), token);
    }

    /// <summary>The item's links, newest first, with whether each still works.</summary>
    public async Task<IReadOnlyList<PreviewLinkView>> ListAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        await RequirePreviewableAsync(contentItemId, cancellationToken);
        var now = Now();
        var rows = await db.PreviewLinks.AsNoTracking()
            .Where(l => l.ContentItemId == contentItemId)
            .OrderByDescending(l => l.CreatedUtc)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => ToView(r, now))];
    }

    /// <summary>Revokes a link of the item at once, on every node; revoking a revoked link changes nothing.</summary>
    public async Task<PreviewLinkView> RevokeAsync(string contentItemId, string linkId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var item = await RequirePreviewableAsync(contentItemId, cancellationToken);
        var record = await db.PreviewLinks.FirstOrDefaultAsync(l => l.Id == linkId && l.ContentItemId == contentItemId, cancellationToken)
            ?? throw new ContentNotFoundException($"The item '{contentItemId}' has no share-preview link '{linkId}'.", new KeyNotFoundException(linkId));
        var now = Now();
        if (record.RevokedUtc is null)
        {
            record.RevokedUtc = now;
            audit.Add(new AuditEntry(RevokedKind, AuditTargets.ContentItem, contentItemId)
            {
                ContentType = item.ContentType,
                Summary = $"Share-preview link {record.Id} revoked.",
            });
            await unitOfWork.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Share-preview link {LinkId} of {ContentItemId} revoked", record.Id, contentItemId);
        }

        await transaction.CommitAsync(cancellationToken);
        return ToView(record, now);
    }

    /// <summary>
    /// The latest version of the item a token opens, or null for a token that is unknown, expired or revoked, or whose
    /// item was deleted. The link itself is the permission: nothing of the caller is checked.
    /// </summary>
    public async Task<ContentItem?> OpenAsync(string token, CancellationToken cancellationToken = default)
    {
        if (token.Length is < 16 or > 128)
        {
            return null;
        }

        var hash = Hash(token);
        var now = Now();
        var record = await db.PreviewLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (record is null || record.RevokedUtc is not null || record.ExpiresUtc <= now)
        {
            return null;
        }

        return await store.GetAsync(record.ContentItemId, VersionOptions.Latest, cancellationToken);
    }

    /// <summary>The stored form of a token.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The item's latest version if the caller may preview it (the workflow's rule); 404 when it may not even see it, 403 when it may only read it.</summary>
    private async Task<ContentItem> RequirePreviewableAsync(string contentItemId, CancellationToken cancellationToken)
    {
        if (await workflow.MayPreviewAsync(contentItemId, cancellationToken)
            && await store.GetAsync(contentItemId, VersionOptions.Latest, cancellationToken) is { } latest)
        {
            return latest;
        }

        if (await content.GetAsync(contentItemId, VersionOptions.Published, cancellationToken) is { } published)
        {
            throw new ContentAccessDeniedException(ContentPermissions.Name(ContentAction.Preview, published.ContentType, own: false), contentItemId);
        }

        throw new ContentNotFoundException(contentItemId);
    }

    private static PreviewLinkView ToView(PreviewLinkRecord record, DateTime now) =>
        new(record.Id, record.ContentItemId, record.CreatedBy, record.CreatedByName, record.CreatedUtc, record.ExpiresUtc, record.RevokedUtc,
            record.RevokedUtc is null && record.ExpiresUtc > now);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
