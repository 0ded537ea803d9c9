using System.Text.Json.Nodes;
using Cms.Core.Events;
using Cms.Core.Fields;
using Cms.Core.Metadata;
using Cms.Core.Queries;
using Cms.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Cms.Core.Content;

public sealed class ContentManager(
    IContentStore store,
    IContentDefinitionManager definitions,
    ContentItemNormalizer normalizer,
    IContentAccess access,
    IUnitOfWork unitOfWork,
    IEnumerable<IContentEventHandler> eventHandlers,
    TimeProvider clock,
    ILogger<ContentManager> logger) : IContentManager
{
    public async Task<ContentItem> CreateAsync(ContentItem item, bool publish, CancellationToken cancellationToken = default)
    {
        var now = Now();
        var version = new ContentItem
        {
            ContentItemId = string.IsNullOrEmpty(item.ContentItemId) ? IdGenerator.NewId() : item.ContentItemId,
            ContentItemVersionId = IdGenerator.NewId(),
            ContentType = item.ContentType,
            DisplayText = item.DisplayText,
            Latest = true,
            Owner = access.Actor.UserId,
            Author = access.Actor.UserName,
            CreatedUtc = now,
            ModifiedUtc = now,
            Content = (JsonObject)item.Content.DeepClone(),
        };

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        if (await store.GetAsync(version.ContentItemId, VersionOptions.Latest, cancellationToken) is not null
            || (await store.GetVersionsAsync(version.ContentItemId, cancellationToken)).Count > 0)
        {
            throw new ContentValidationException("$.ContentItemId", $"an item with id '{version.ContentItemId}' already exists.");
        }

        await DemandAsync(ContentAction.Edit, version, cancellationToken);
        var type = await RequireTypeAsync(version.ContentType, cancellationToken);
        var index = await NormalizeAsync(version, type, "$", cancellationToken);
        await store.AddAsync(version, index, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        Raise(ContentEventKind.Created, version);
        logger.LogDebug("Created {ContentType} {ContentItemId} as version {ContentItemVersionId}", version.ContentType, version.ContentItemId, version.ContentItemVersionId);

        if (publish || !type.Settings.Draftable)
        {
            await DemandAsync(ContentAction.Publish, version, cancellationToken);
            await PublishVersionAsync(version, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return version.Clone();
    }

    public async Task<ContentItem> UpdateAsync(string contentItemId, string expectedVersionId, JsonObject parts, CancellationToken cancellationToken = default)
    {
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var latest = await RequireLatestAsync(contentItemId, expectedVersionId, cancellationToken);
        await DemandAsync(ContentAction.Edit, latest, cancellationToken);
        var type = await RequireTypeAsync(latest.ContentType, cancellationToken);
        var saved = await SaveNewContentAsync(latest, type, (JsonObject)parts.DeepClone(), "$", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved.Clone();
    }

    public async Task<ContentItem> PublishAsync(string contentItemId, string? expectedVersionId = null, CancellationToken cancellationToken = default)
    {
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var latest = await RequireLatestAsync(contentItemId, expectedVersionId, cancellationToken);
        await DemandAsync(ContentAction.Publish, latest, cancellationToken);
        await PublishVersionAsync(latest, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return latest.Clone();
    }

    public async Task UnpublishAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var published = await store.GetAsync(contentItemId, VersionOptions.Published, cancellationToken)
            ?? throw new ContentNotFoundException(contentItemId);
        await DemandAsync(ContentAction.Publish, published, cancellationToken);
        published.Published = false;
        await store.UpdateAsync(published, null, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        Raise(ContentEventKind.Unpublished, published);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<ContentItem> DiscardDraftAsync(string contentItemId, string? expectedVersionId = null, CancellationToken cancellationToken = default)
    {
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var latest = await RequireLatestAsync(contentItemId, expectedVersionId, cancellationToken);
        await DemandAsync(ContentAction.Edit, latest, cancellationToken);
        if (latest.Published)
        {
            throw new ContentValidationException("$", $"'{latest.DisplayText}' has no draft to discard.");
        }

        var published = await store.GetAsync(contentItemId, VersionOptions.Published, cancellationToken)
            ?? throw new ContentValidationException("$", $"'{latest.DisplayText}' has never been published, so there is nothing to go back to; delete it instead.");
        latest.Latest = false;
        await store.UpdateAsync(latest, null, cancellationToken);
        published.Latest = true;
        await store.UpdateAsync(published, null, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        Raise(ContentEventKind.DraftDiscarded, latest);
        await transaction.CommitAsync(cancellationToken);
        return published.Clone();
    }

    public async Task DeleteAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var latest = await store.GetAsync(contentItemId, VersionOptions.Latest, cancellationToken)
            ?? throw new ContentNotFoundException(contentItemId);
        await DemandAsync(ContentAction.Delete, latest, cancellationToken);
        var published = await store.GetAsync(contentItemId, VersionOptions.Published, cancellationToken);
        foreach (var version in new[] { latest, published })
        {
            if (version is not null && (version.Latest || version.Published))
            {
                version.Latest = false;
                version.Published = false;
                await store.UpdateAsync(version, null, cancellationToken);
            }
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        Raise(ContentEventKind.Deleted, latest);
        logger.LogInformation("Deleted {ContentType} {ContentItemId}", latest.ContentType, contentItemId);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<ImportOutcome> ImportAsync(ContentItem item, string path, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(item.ContentItemId))
        {
            throw new ContentValidationException($"{path}.ContentItemId", "is required.");
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var type = await RequireTypeAsync(item.ContentType, cancellationToken, $"{path}.ContentType");
        var latest = await store.GetAsync(item.ContentItemId, VersionOptions.Latest, cancellationToken);
        ImportOutcome outcome;
        if (latest is null)
        {
            var now = Now();
            var version = item.Clone();
            version.ContentItemVersionId = IdGenerator.NewId();
            version.Latest = true;
            version.Published = false;
            version.Owner ??= access.Actor.UserId;
            version.Author ??= access.Actor.UserName;
            version.CreatedUtc ??= now;
            version.ModifiedUtc ??= version.CreatedUtc;
            await DemandAsync(ContentAction.Edit, version, cancellationToken);
            var index = await NormalizeAsync(version, type, path, cancellationToken);
            await store.AddAsync(version, index, cancellationToken);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            Raise(ContentEventKind.Created, version);
            if (item.Published)
            {
                await DemandAsync(ContentAction.Publish, version, cancellationToken);
                await PublishVersionAsync(version, cancellationToken, item.PublishedUtc);
            }

            outcome = ImportOutcome.Created;
        }
        else
        {
            await DemandAsync(ContentAction.Edit, latest, cancellationToken);
            var candidate = item.Clone();
            await NormalizeAsync(candidate, type, path, cancellationToken, latest.ContentItemId);
            var sameContent = JsonNode.DeepEquals(candidate.Content, latest.Content);
            if (sameContent && latest.Published == item.Published)
            {
                outcome = ImportOutcome.Unchanged;
            }
            else
            {
                var saved = sameContent ? latest : await SaveNewContentAsync(latest, type, item.Content, path, cancellationToken);
                if (item.Published && !saved.Published)
                {
                    await DemandAsync(ContentAction.Publish, saved, cancellationToken);
                    await PublishVersionAsync(saved, cancellationToken, item.PublishedUtc);
                }

                outcome = ImportOutcome.Updated;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    public Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options = VersionOptions.Published, CancellationToken cancellationToken = default) =>
        store.GetAsync(contentItemId, options, cancellationToken);

    public Task<ContentItem?> GetVersionAsync(string contentItemVersionId, CancellationToken cancellationToken = default) =>
        store.GetVersionAsync(contentItemVersionId, cancellationToken);

    public Task<IReadOnlyList<ContentItem>> GetVersionsAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        store.GetVersionsAsync(contentItemId, cancellationToken);

    public Task<ContentQueryResult> QueryAsync(ContentQuery query, CancellationToken cancellationToken = default) =>
        store.QueryAsync(query, cancellationToken);

    private async Task<ContentItem> SaveNewContentAsync(ContentItem latest, ContentTypeDefinition type, JsonObject parts, string path, CancellationToken cancellationToken)
    {
        var now = Now();
        var draft = new ContentItem
        {
            ContentItemId = latest.ContentItemId,
            ContentItemVersionId = IdGenerator.NewId(),
            ContentType = latest.ContentType,
            DisplayText = latest.DisplayText,
            Owner = latest.Owner,
            Author = access.Actor.UserName,
            CreatedUtc = latest.CreatedUtc,
            ModifiedUtc = now,
            Latest = true,
            Content = parts,
        };
        var index = await NormalizeAsync(draft, type, path, cancellationToken, latest.ContentItemId);

        var newVersion = type.Settings.Versionable || (latest.Published && type.Settings.Draftable);
        if (newVersion)
        {
            latest.Latest = false;
            await store.UpdateAsync(latest, null, cancellationToken);
            await store.AddAsync(draft, index, cancellationToken);
        }
        else
        {
            latest.Content = draft.Content;
            latest.DisplayText = draft.DisplayText;
            latest.ModifiedUtc = now;
            latest.Author = draft.Author;
            await store.UpdateAsync(latest, index, cancellationToken);
            draft = latest;
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        Raise(ContentEventKind.Saved, draft);
        if (!type.Settings.Draftable && !draft.Published)
        {
            await DemandAsync(ContentAction.Publish, draft, cancellationToken);
            await PublishVersionAsync(draft, cancellationToken);
        }

        return draft;
    }

    private async Task PublishVersionAsync(ContentItem version, CancellationToken cancellationToken, DateTime? publishedUtc = null)
    {
        if (version.Published)
        {
            return;
        }

        var previous = await store.GetAsync(version.ContentItemId, VersionOptions.Published, cancellationToken);
        if (previous is not null && previous.ContentItemVersionId != version.ContentItemVersionId)
        {
            previous.Published = false;
            await store.UpdateAsync(previous, null, cancellationToken);
        }

        version.Published = true;
        version.PublishedUtc = publishedUtc ?? Now();
        await store.UpdateAsync(version, null, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        Raise(ContentEventKind.Published, version);
        logger.LogDebug("Published {ContentType} {ContentItemId} version {ContentItemVersionId}", version.ContentType, version.ContentItemId, version.ContentItemVersionId);
    }

    private async Task<IReadOnlyList<FieldIndexEntry>> NormalizeAsync(ContentItem item, ContentTypeDefinition type, string path, CancellationToken cancellationToken, string? existingId = null)
    {
        var set = await definitions.GetAsync(cancellationToken);
        var index = normalizer.Normalize(item, type, set, path);
        await AssignPathAsync(item, type, existingId ?? item.ContentItemId, path, cancellationToken);
        return index;
    }

    private async Task AssignPathAsync(ContentItem item, ContentTypeDefinition type, string contentItemId, string path, CancellationToken cancellationToken)
    {
        var autoroute = type.Parts.FirstOrDefault(p => p.PartName == BuiltInParts.AutoroutePart);
        if (autoroute is null)
        {
            return;
        }

        var part = item.GetOrCreatePart(autoroute.Name);
        var explicitPath = part["Path"]?.GetValue<string>();
        if (!string.IsNullOrEmpty(explicitPath))
        {
            var owner = await store.FindPathOwnerAsync(explicitPath, contentItemId, cancellationToken);
            if (owner is not null)
            {
                throw new ContentValidationException($"{path}.{autoroute.Name}.Path", $"the path '{explicitPath}' is already used by item '{owner}'.");
            }

            return;
        }

        var slug = Slug.Slugify(item.DisplayText ?? "");
        if (slug.Length == 0)
        {
            slug = contentItemId;
        }

        var prefix = PathPrefix(autoroute);
        var candidate = prefix + slug;
        for (var n = 2; await store.FindPathOwnerAsync(candidate, contentItemId, cancellationToken) is not null; n++)
        {
            candidate = $"{prefix}{slug}-{n}";
        }

        part["Path"] = candidate;
    }

    /// <summary>The literal text before the first Liquid tag of the AutoroutePart pattern, e.g. "articles/".</summary>
    private static string PathPrefix(ContentTypePartDefinition autoroute)
    {
        var pattern = autoroute.Settings["AutoroutePartSettings"]?["Pattern"]?.GetValue<string>() ?? "";
        var end = pattern.IndexOf("{{", StringComparison.Ordinal);
        var prefix = end < 0 ? "" : pattern[..end];
        return Slug.NormalizePath(prefix) is { } clean ? clean + "/" : "";
    }

    private async Task<ContentItem> RequireLatestAsync(string contentItemId, string? expectedVersionId, CancellationToken cancellationToken)
    {
        var latest = await store.GetAsync(contentItemId, VersionOptions.Latest, cancellationToken)
            ?? throw new ContentNotFoundException(contentItemId);
        if (expectedVersionId is not null && !string.Equals(latest.ContentItemVersionId, expectedVersionId, StringComparison.Ordinal))
        {
            throw new ContentConflictException(contentItemId, expectedVersionId, latest.ContentItemVersionId);
        }

        return latest;
    }

    private async Task<ContentTypeDefinition> RequireTypeAsync(string name, CancellationToken cancellationToken, string path = "$.ContentType") =>
        await definitions.GetTypeAsync(name, cancellationToken)
        ?? throw new ContentValidationException(path, $"unknown content type '{name}'.");

    private async Task DemandAsync(ContentAction action, ContentItem item, CancellationToken cancellationToken)
    {
        if (!await access.IsAllowedAsync(action, item, cancellationToken))
        {
            throw new ContentAccessDeniedException($"{action}_{item.ContentType}", item.ContentItemId);
        }
    }

    private void Raise(ContentEventKind kind, ContentItem version)
    {
        var contentEvent = new ContentEvent(kind, version.ContentItemId, version.ContentType, version.ContentItemVersionId, access.Actor.UserId);
        unitOfWork.OnCommitted(async () =>
        {
            foreach (var handler in eventHandlers)
            {
                try
                {
                    await handler.HandleAsync(contentEvent, CancellationToken.None);
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Content event handler {Handler} failed for {Kind} of {ContentItemId}", handler.GetType().Name, kind, version.ContentItemId);
                }
            }
        });
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
