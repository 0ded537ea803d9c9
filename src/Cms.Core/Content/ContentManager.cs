using System.Text.Json.Nodes;
using Cms.Core.Events;
using Cms.Core.Fields;
using Cms.Core.Metadata;
using Cms.Core.Queries;
using Cms.Core.Security;
using Cms.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Cms.Core.Content;

public sealed class ContentManager(
    IContentStore store,
    IContentDefinitionManager definitions,
    ContentItemNormalizer normalizer,
    IContentAccess access,
    IUnitOfWork unitOfWork,
    IContentWorkflow workflow,
    IEnumerable<IContentChangeHandler> changeHandlers,
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
        if ((await store.GetVersionsAsync(version.ContentItemId, cancellationToken)).Count > 0)
        {
            throw new ContentValidationException("$.ContentItemId", $"an item with id '{version.ContentItemId}' already exists.");
        }

        await DemandAsync(ContentAction.Edit, version, cancellationToken);
        var type = await RequireTypeAsync(version.ContentType, cancellationToken);
        var published = !type.Settings.Draftable;
        if (publish && type.Settings.Draftable)
        {
            // Publishing on create is a publish transition from Draft: the type's workflow decides whether it may skip
            // review. The system (setup, imports) writes items as they come, like a recipe's Content step.
            await DemandAsync(await workflow.PermissionForAsync(version.ContentType, ContentTransitions.Publish, cancellationToken), version, cancellationToken);
            published = access.Actor.IsSystem || (await workflow.PlanAsync(version, null, ContentTransitions.Publish, cancellationToken)).Effect == TransitionEffect.Publish;
        }
        else if (published)
        {
            await DemandAsync(ContentAction.Publish, version, cancellationToken);
        }

        if (published)
        {
            // A new item has no earlier published version to retire: it is written published in one go.
            version.Published = true;
            version.PublishedUtc = now;
            version.Stage = ContentStages.Published;
        }

        var index = await NormalizeAsync(version, type, "$", cancellationToken);
        await store.AddAsync(version, index, cancellationToken);
        await ChangingAsync(new ContentChange(ContentEventKind.Created, version, null, ContentStages.Draft, access.Actor), cancellationToken);
        if (published)
        {
            await ChangingAsync(new ContentChange(ContentEventKind.Published, version, ContentStages.Draft, ContentStages.Published, access.Actor, ContentTransitions.Publish), cancellationToken);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        Raise(ContentEventKind.Created, version);
        logger.LogDebug("Created {ContentType} {ContentItemId} as version {ContentItemVersionId}", version.ContentType, version.ContentItemId, version.ContentItemVersionId);
        if (published)
        {
            Raise(ContentEventKind.Published, version);
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

    public Task<ContentItem> PublishAsync(string contentItemId, string? expectedVersionId = null, CancellationToken cancellationToken = default) =>
        TransitionAsync(contentItemId, ContentTransitions.Publish, new TransitionRequest { ExpectedVersionId = expectedVersionId }, cancellationToken);

    public Task UnpublishAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        TransitionAsync(contentItemId, ContentTransitions.Unpublish, new TransitionRequest(), cancellationToken);

    public async Task<ContentItem> TransitionAsync(string contentItemId, string transition, TransitionRequest request, CancellationToken cancellationToken = default)
    {
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var latest = await RequireLatestAsync(contentItemId, request.ExpectedVersionId, cancellationToken);
        var published = latest.Published ? latest : await store.GetAsync(contentItemId, VersionOptions.Published, cancellationToken);

        // Permission first: a caller who may not make this transition at all learns nothing about the stage.
        var permission = await workflow.PermissionForAsync(latest.ContentType, transition, cancellationToken);
        await DemandAsync(permission, transition == ContentTransitions.Unpublish && published is not null ? published : latest, cancellationToken);
        var plan = await workflow.PlanAsync(latest, published, transition, cancellationToken);
        var target = plan.Effect == TransitionEffect.Unpublish ? published! : latest;
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        if (plan.RequiresComment && comment is null)
        {
            throw new ContentValidationException("$.comment", $"'{transition}' needs a comment that says what to change.");
        }

        var from = target.Stage;
        switch (plan.Effect)
        {
            case TransitionEffect.Publish:
                await PublishVersionAsync(latest, cancellationToken, change: new ContentChange(ContentEventKind.Published, latest, from, ContentStages.Published, access.Actor, transition, comment));
                break;
            case TransitionEffect.Unpublish:
                target.Published = false;
                target.Stage = plan.ToStage;
                await store.UpdateAsync(target, null, cancellationToken);
                await ChangingAsync(new ContentChange(ContentEventKind.Unpublished, target, from, plan.ToStage, access.Actor, transition, comment), cancellationToken);
                await unitOfWork.SaveChangesAsync(cancellationToken);
                Raise(ContentEventKind.Unpublished, target);
                break;
            default:
                var kind = transition == ContentTransitions.Schedule ? ContentEventKind.Scheduled : ContentEventKind.StageChanged;
                latest.Stage = plan.ToStage;
                if (plan.ToStage == ContentStages.Draft)
                {
                    // Back to the writer: the review assignment is over.
                    latest.AssignedTo = null;
                    latest.DueUtc = null;
                }

                await store.UpdateAsync(latest, null, cancellationToken);
                await ChangingAsync(new ContentChange(kind, latest, from, plan.ToStage, access.Actor, transition, comment, request.ScheduledUtc), cancellationToken);
                await unitOfWork.SaveChangesAsync(cancellationToken);
                Raise(kind, latest);
                break;
        }

        await transaction.CommitAsync(cancellationToken);
        return target.Clone();
    }

    public async Task<ContentItem> AssignAsync(string contentItemId, string? expectedVersionId, string? assignedTo, DateTime? dueUtc, CancellationToken cancellationToken = default)
    {
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var latest = await RequireLatestAsync(contentItemId, expectedVersionId, cancellationToken);
        await DemandAsync(ContentAction.Review, latest, cancellationToken);
        latest.AssignedTo = string.IsNullOrWhiteSpace(assignedTo) ? null : assignedTo;
        latest.DueUtc = dueUtc;
        await store.UpdateAsync(latest, null, cancellationToken);
        await ChangingAsync(new ContentChange(ContentEventKind.Assigned, latest, latest.Stage, latest.Stage, access.Actor), cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        Raise(ContentEventKind.Assigned, latest);
        await transaction.CommitAsync(cancellationToken);
        return latest.Clone();
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
        await ChangingAsync(new ContentChange(ContentEventKind.DraftDiscarded, latest, latest.Stage, published.Stage, access.Actor), cancellationToken);
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

        await ChangingAsync(new ContentChange(ContentEventKind.Deleted, latest, latest.Stage, null, access.Actor), cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        Raise(ContentEventKind.Deleted, latest);
        logger.LogInformation("Deleted {ContentType} {ContentItemId}", latest.ContentType, contentItemId);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> ReviseAsync(string contentItemId, Func<JsonObject, bool> revise, string reason, CancellationToken cancellationToken = default)
    {
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var latest = await store.GetAsync(contentItemId, VersionOptions.Latest, cancellationToken)
            ?? throw new ContentNotFoundException(contentItemId);
        var published = latest.Published ? latest : await store.GetAsync(contentItemId, VersionOptions.Published, cancellationToken);
        await DemandAsync(ContentAction.Edit, latest, cancellationToken);
        if (published is not null)
        {
            await DemandAsync(ContentAction.Publish, published, cancellationToken);
        }

        var type = await RequireTypeAsync(latest.ContentType, cancellationToken);
        var changed = false;
        if (published is not null && await ReviseVersionAsync(published, type, revise, reason, cancellationToken))
        {
            changed = true;
        }

        if (!latest.Published && await ReviseVersionAsync(latest, type, revise, reason, cancellationToken))
        {
            changed = true;
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>A new version of <paramref name="source"/> with revised parts, in its place (same flags, stage and dates).</summary>
    private async Task<bool> ReviseVersionAsync(ContentItem source, ContentTypeDefinition type, Func<JsonObject, bool> revise, string reason, CancellationToken cancellationToken)
    {
        var parts = (JsonObject)source.Content.DeepClone();
        if (!revise(parts))
        {
            return false;
        }

        var version = source.Clone();
        version.ContentItemVersionId = IdGenerator.NewId();
        version.Content = parts;
        version.ModifiedUtc = Now();
        version.Author = access.Actor.UserName;
        var index = await NormalizeAsync(version, type, "$", cancellationToken, source.ContentItemId);
        if (JsonNode.DeepEquals(version.Content, source.Content))
        {
            return false;
        }

        source.Latest = false;
        source.Published = false;
        await store.UpdateAsync(source, null, cancellationToken);
        await store.AddAsync(version, index, cancellationToken);
        await ChangingAsync(new ContentChange(ContentEventKind.Saved, version, source.Stage, version.Stage, access.Actor, Comment: reason), cancellationToken);
        if (version.Published)
        {
            await ChangingAsync(new ContentChange(ContentEventKind.Published, version, source.Stage, version.Stage, access.Actor, Comment: reason), cancellationToken);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        Raise(ContentEventKind.Saved, version);
        if (version.Published)
        {
            Raise(ContentEventKind.Published, version);
        }

        logger.LogInformation("Revised {ContentType} {ContentItemId}: version {Previous} replaced by {ContentItemVersionId} ({Reason})", version.ContentType, version.ContentItemId, source.ContentItemVersionId, version.ContentItemVersionId, reason);
        return true;
    }

    public Task<ImportOutcome> ImportAsync(ContentItem item, string path, CancellationToken cancellationToken = default) =>
        ImportAsync(new PreparedContentItem(item, path), cancellationToken);

    public async Task<ImportOutcome> ImportAsync(PreparedContentItem prepared, CancellationToken cancellationToken = default)
    {
        var item = prepared.Item;
        var path = prepared.Path;
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
            version.Stage = ContentStages.Draft;
            version.AssignedTo = null;
            version.DueUtc = null;
            await DemandAsync(ContentAction.Edit, version, cancellationToken);
            if (item.Published)
            {
                // As in CreateAsync: a new item has no earlier published version to retire, so it is written published
                // in one save, with both changes (created, then published) in the audit trail and the events.
                await DemandAsync(ContentAction.Publish, version, cancellationToken);
                version.Published = true;
                version.PublishedUtc = item.PublishedUtc ?? now;
                version.Stage = ContentStages.Published;
            }

            var index = await NormalizeAsync(version, type, path, cancellationToken, prepared: prepared);
            await store.AddAsync(version, index, cancellationToken);
            await ChangingAsync(new ContentChange(ContentEventKind.Created, version, null, ContentStages.Draft, access.Actor), cancellationToken);
            if (version.Published)
            {
                await ChangingAsync(new ContentChange(ContentEventKind.Published, version, ContentStages.Draft, ContentStages.Published, access.Actor, ContentTransitions.Publish) { SearchTexts = prepared.TakenSearchTexts }, cancellationToken);
            }

            await unitOfWork.SaveChangesAsync(cancellationToken);
            Raise(ContentEventKind.Created, version);
            if (version.Published)
            {
                Raise(ContentEventKind.Published, version);
            }

            outcome = ImportOutcome.Created;
        }
        else
        {
            await DemandAsync(ContentAction.Edit, latest, cancellationToken);
            var candidate = item.Clone();
            await NormalizeAsync(candidate, type, path, cancellationToken, latest.ContentItemId, prepared);
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

    public async Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options = VersionOptions.Published, CancellationToken cancellationToken = default)
    {
        var item = await store.GetAsync(contentItemId, options, cancellationToken);
        return item is not null && await CanReadAsync(item, cancellationToken) ? item : null;
    }

    public async Task<ContentItem> PreparePreviewAsync(ContentItem item, CancellationToken cancellationToken = default)
    {
        var latest = item.ContentItemId.Length > 0 ? await store.GetAsync(item.ContentItemId, VersionOptions.Latest, cancellationToken) : null;
        if (latest is not null && item.ContentType.Length > 0 && !string.Equals(item.ContentType, latest.ContentType, StringComparison.Ordinal))
        {
            throw new ContentValidationException("$.ContentType", $"the item is a {latest.ContentType}; its type cannot change.");
        }

        var now = Now();
        var draft = new ContentItem
        {
            ContentItemId = latest?.ContentItemId ?? (IdGenerator.IsValid(item.ContentItemId) ? item.ContentItemId : IdGenerator.NewId()),
            ContentItemVersionId = IdGenerator.NewId(),
            ContentType = latest?.ContentType ?? item.ContentType,
            DisplayText = item.DisplayText ?? latest?.DisplayText,
            Latest = true,
            Owner = latest is null ? access.Actor.UserId : latest.Owner,
            Author = access.Actor.UserName,
            CreatedUtc = latest?.CreatedUtc ?? now,
            ModifiedUtc = now,
            PublishedUtc = latest?.PublishedUtc,
            Stage = latest?.Stage ?? ContentStages.Draft,
            Content = (JsonObject)item.Content.DeepClone(),
        };

        var own = draft.Owner is not null && draft.Owner == access.Actor.UserId;
        if (!await access.IsAllowedAsync(ContentAction.Preview, draft, cancellationToken)
            && !(own && await access.IsAllowedAsync(ContentAction.Edit, draft, cancellationToken)))
        {
            throw new ContentAccessDeniedException(ContentPermissions.Name(ContentAction.Preview, draft.ContentType, own: false), draft.ContentItemId);
        }

        var type = await RequireTypeAsync(draft.ContentType, cancellationToken);
        await NormalizeAsync(draft, type, "$", cancellationToken, draft.ContentItemId);
        return draft;
    }

    public async Task<ContentItem?> GetVersionAsync(string contentItemVersionId, CancellationToken cancellationToken = default)
    {
        var item = await store.GetVersionAsync(contentItemVersionId, cancellationToken);
        return item is not null && await CanReadAsync(item, cancellationToken) ? item : null;
    }

    public async Task<IReadOnlyList<ContentItem>> GetVersionsAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var versions = await store.GetVersionsAsync(contentItemId, cancellationToken);
        if (versions.Count == 0)
        {
            return versions;
        }

        // History is a preview of every version: it needs the preview permission on the item (its newest version decides ownership).
        return await access.IsAllowedAsync(ContentAction.Preview, versions[^1], cancellationToken) ? versions : [];
    }

    public async Task<ContentQueryResult> QueryAsync(ContentQuery query, CancellationToken cancellationToken = default)
    {
        var action = query.Status == ContentStatus.Published ? ContentAction.View : ContentAction.Preview;
        var types = query.ContentType is { } single
            ? [single]
            : (await definitions.GetAsync(cancellationToken)).Types.Keys.ToList();
        var allowed = new List<ContentFilter>();
        var ownerId = access.Actor.UserId;
        var everyType = true;
        foreach (var type in types)
        {
            var scope = await access.GetScopeAsync(action, type, cancellationToken);
            if (scope == AccessScope.Own && ownerId is not null)
            {
                everyType = false;
                allowed.Add(new AndFilter([new ColumnFilter(ContentColumn.ContentType, FilterOperator.Equal, type), new ColumnFilter(ContentColumn.Owner, FilterOperator.Equal, ownerId)]));
            }
            else if (scope == AccessScope.All)
            {
                allowed.Add(new ColumnFilter(ContentColumn.ContentType, FilterOperator.Equal, type));
            }
            else
            {
                everyType = false;
            }
        }

        if (allowed.Count == 0)
        {
            throw new ContentAccessDeniedException(ContentPermissions.Name(action, query.ContentType ?? "*", own: false), (string?)null);
        }

        if (!everyType || query.ContentType is null)
        {
            // Narrow the query to what the caller may read, in SQL, so paging and totals count only those items.
            var scopeFilter = allowed.Count == 1 ? allowed[0] : new OrFilter(allowed);
            query = query with { Where = query.Where is { } where ? new AndFilter([where, scopeFilter]) : scopeFilter };
        }

        var result = await store.QueryAsync(query, cancellationToken);
        foreach (var item in result.Items)
        {
            if (!await access.IsAllowedAsync(action, item, cancellationToken))
            {
                // The SQL scope and the item check are one rule; a difference is a bug, never a leak.
                throw new InvalidOperationException($"The query returned {item.ContentType} '{item.ContentItemId}', which the caller may not read.");
            }
        }

        return result;
    }

    private Task<bool> CanReadAsync(ContentItem item, CancellationToken cancellationToken) =>
        access.IsAllowedAsync(item.Published ? ContentAction.View : ContentAction.Preview, item, cancellationToken);

    private async Task<ContentItem> SaveNewContentAsync(ContentItem latest, ContentTypeDefinition type, JsonObject parts, string path, CancellationToken cancellationToken)
    {
        var now = Now();
        var stage = await workflow.StageAfterEditAsync(latest, cancellationToken);
        var draft = new ContentItem
        {
            Stage = stage,
            AssignedTo = stage == ContentStages.Draft ? null : latest.AssignedTo,
            DueUtc = stage == ContentStages.Draft ? null : latest.DueUtc,
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
            if (!latest.Published)
            {
                latest.Stage = draft.Stage;
                latest.AssignedTo = draft.AssignedTo;
                latest.DueUtc = draft.DueUtc;
            }

            await store.UpdateAsync(latest, index, cancellationToken);
            draft = latest;
        }

        await ChangingAsync(new ContentChange(ContentEventKind.Saved, draft, latest.Stage, draft.Stage, access.Actor), cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        Raise(ContentEventKind.Saved, draft);
        if (!type.Settings.Draftable && !draft.Published)
        {
            await DemandAsync(ContentAction.Publish, draft, cancellationToken);
            await PublishVersionAsync(draft, cancellationToken);
        }

        return draft;
    }

    private async Task PublishVersionAsync(ContentItem version, CancellationToken cancellationToken, DateTime? publishedUtc = null, ContentChange? change = null)
    {
        if (version.Published)
        {
            return;
        }

        var from = version.Stage;
        var previous = await store.GetAsync(version.ContentItemId, VersionOptions.Published, cancellationToken);
        if (previous is not null && previous.ContentItemVersionId != version.ContentItemVersionId)
        {
            previous.Published = false;
            await store.UpdateAsync(previous, null, cancellationToken);
        }

        version.Published = true;
        version.PublishedUtc = publishedUtc ?? Now();
        version.Stage = ContentStages.Published;
        version.AssignedTo = null;
        version.DueUtc = null;
        await store.UpdateAsync(version, null, cancellationToken);
        await ChangingAsync(change ?? new ContentChange(ContentEventKind.Published, version, from, ContentStages.Published, access.Actor, ContentTransitions.Publish), cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        Raise(ContentEventKind.Published, version);
        logger.LogDebug("Published {ContentType} {ContentItemId} version {ContentItemVersionId}", version.ContentType, version.ContentItemId, version.ContentItemVersionId);
    }

    private async Task ChangingAsync(ContentChange change, CancellationToken cancellationToken)
    {
        foreach (var handler in changeHandlers)
        {
            await handler.OnChangingAsync(change, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<FieldIndexEntry>> NormalizeAsync(ContentItem item, ContentTypeDefinition type, string path, CancellationToken cancellationToken, string? existingId = null, PreparedContentItem? prepared = null)
    {
        var set = await definitions.GetAsync(cancellationToken);
        IReadOnlyList<FieldIndexEntry> index;
        if (prepared is not null && ReferenceEquals(set.FindType(type.Name), type) && prepared.TryTake(set, out var normalized, out var preparedIndex))
        {
            // Normalized ahead from the same item with the same definitions: the same content, title and index rows.
            item.Content = normalized.Content;
            item.DisplayText = normalized.DisplayText;
            index = preparedIndex;
        }
        else
        {
            index = normalizer.Normalize(item, type, set, path);
        }

        await AssignPathAsync(item, type, existingId ?? item.ContentItemId, path, cancellationToken);
        await CheckMenuTargetsAsync(item, type, set, path, cancellationToken);
        return index;
    }

    /// <summary>
    /// A content menu item must open an item that exists (any version: a draft may be linked before it goes live) and
    /// is of a type its menu item type allows; an entry without a label takes the item's title.
    /// </summary>
    private async Task CheckMenuTargetsAsync(ContentItem item, ContentTypeDefinition type, ContentDefinitionSet set, string path, CancellationToken cancellationToken)
    {
        var targets = Menus.MenuTree.Targets(item, type, set);
        if (targets.Count == 0)
        {
            return;
        }

        var found = await store.GetManyAsync(targets.Select(t => t.ContentItemId).Distinct(StringComparer.Ordinal).ToList(), VersionOptions.Latest, cancellationToken);
        var errors = new List<ContentValidationError>();
        foreach (var target in targets)
        {
            var where = path + target.Path[1..];
            if (!found.TryGetValue(target.ContentItemId, out var selected))
            {
                errors.Add(new(where, $"no item has the id '{target.ContentItemId}'."));
            }
            else if (target.AllowedTypes.Count > 0 && !target.AllowedTypes.Contains(selected.ContentType, StringComparer.Ordinal))
            {
                errors.Add(new(where, $"'{selected.DisplayText}' is a {selected.ContentType}; a content menu item opens a {string.Join(" or ", target.AllowedTypes)}."));
            }
            else if (string.IsNullOrEmpty(target.Entry["DisplayText"]?.GetValue<string>()))
            {
                target.Entry["DisplayText"] = selected.DisplayText;
            }
        }

        if (errors.Count > 0)
        {
            throw new ContentValidationException(errors);
        }
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
                throw new ContentValidationException($"{path}.{autoroute.Name}.Path", PathInUse(explicitPath, owner));
            }

            return;
        }

        part["Path"] = await GeneratePathAsync(autoroute, item.DisplayText, contentItemId, cancellationToken);
    }

    public async Task<PathCheck> CheckPathAsync(string contentType, string? contentItemId, string? path, string? title, CancellationToken cancellationToken = default)
    {
        var type = await RequireTypeAsync(contentType, cancellationToken, "$.type");
        if (await access.GetScopeAsync(ContentAction.Edit, type.Name, cancellationToken) == AccessScope.None)
        {
            throw new ContentAccessDeniedException(ContentPermissions.Name(ContentAction.Edit, type.Name, own: false), contentItemId);
        }

        var autoroute = type.Parts.FirstOrDefault(p => p.PartName == BuiltInParts.AutoroutePart)
            ?? throw new ContentValidationException("$.type", $"'{type.Name}' has no path (no {BuiltInParts.AutoroutePart}).");
        var except = contentItemId ?? "";
        if (string.IsNullOrWhiteSpace(path))
        {
            // What a save without a path would choose: the title's slug under the type's prefix, numbered when taken.
            var generated = await GeneratePathAsync(autoroute, title, contentItemId is { Length: > 0 } ? contentItemId : "", cancellationToken);
            return new PathCheck(generated, true, null);
        }

        var clean = Slug.NormalizePath(path);
        if (clean is null || clean.Length > BuiltInParts.MaxPathLength)
        {
            return new PathCheck(path, false, BuiltInParts.PathFormatMessage);
        }

        var owner = await store.FindPathOwnerAsync(clean, except, cancellationToken);
        return owner is null ? new PathCheck(clean, true, null) : new PathCheck(clean, false, PathInUse(clean, owner));
    }

    private static string PathInUse(string path, string owner) => $"the path '{path}' is already used by item '{owner}'.";

    private async Task<string> GeneratePathAsync(ContentTypePartDefinition autoroute, string? title, string contentItemId, CancellationToken cancellationToken)
    {
        var slug = AutoroutePaths.Slug(title, contentItemId);
        var prefix = AutoroutePaths.Prefix(autoroute);
        var candidate = prefix + slug;
        for (var n = 2; await store.FindPathOwnerAsync(candidate, contentItemId, cancellationToken) is not null; n++)
        {
            candidate = $"{prefix}{slug}-{n}";
        }

        return candidate;
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
            throw new ContentAccessDeniedException(ContentPermissions.Name(action, item.ContentType, own: false), item.ContentItemId);
        }
    }

    private void Raise(ContentEventKind kind, ContentItem version)
    {
        // The callback keeps only the event until commit, never the version (a long import would hold every item's JSON).
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
                    logger.LogError(ex, "Content event handler {Handler} failed for {Kind} of {ContentItemId}", handler.GetType().Name, kind, contentEvent.ContentItemId);
                }
            }
        });
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
