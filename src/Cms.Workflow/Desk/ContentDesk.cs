using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Metadata;
using Cms.Core.Queries;
using Cms.Core.Security;
using Cms.Core.Settings;
using Cms.Core.Storage;
using Cms.Data.Entities;
using Cms.Workflow.Engine;
using Cms.Workflow.Scheduling;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cms.Workflow.Desk;

/// <summary>
/// The editorial desk of the admin: the list of items (through <see cref="WorkflowService.QueryAsync"/>) with the names a
/// person reads (sections, byline, owner, reviewer, planned times), the types the caller may work on and create, bulk
/// actions and the dashboard's review inbox. It holds no rule of its own: permissions and stages are the content
/// manager's and the workflow's, and a bulk action is the single-item call made once per item.
/// </summary>
public sealed class ContentDesk(
    IContentManager content,
    IContentStore store,
    IContentAccess access,
    IContentDefinitionManager definitions,
    WorkflowService workflow,
    PublishingScheduler scheduler,
    UserManager<CmsUser> users,
    ISiteSettingsService settings,
    TimeProvider clock)
{
    public const int MaxBulkItems = WorkflowService.MaxPageSize;

    /// <summary>Whether a caller works on a type at all: they may preview or edit some of its items (their own at least).</summary>
    public static async Task<bool> IsOnDeskAsync(Func<ContentAction, Task<AccessScope>> scopeOf) =>
        await scopeOf(ContentAction.Preview) != AccessScope.None || await scopeOf(ContentAction.Edit) != AccessScope.None;

    /// <summary>The types the caller works on, by label, with whether they may create one (creatable, and Edit or EditOwn held).</summary>
    public async Task<IReadOnlyList<DeskType>> TypesAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<DeskType>();
        foreach (var type in (await definitions.GetAsync(cancellationToken)).Types.Values.OrderBy(t => t.DisplayName, StringComparer.CurrentCultureIgnoreCase))
        {
            if (!await IsOnDeskAsync(action => access.GetScopeAsync(action, type.Name, cancellationToken)))
            {
                continue;
            }

            var mayCreate = type.Settings.Creatable && await access.GetScopeAsync(ContentAction.Edit, type.Name, cancellationToken) != AccessScope.None;
            result.Add(new DeskType(type.Name, type.DisplayName, mayCreate));
        }

        return result;
    }

    /// <summary>A page of the list, every criterion applied in SQL; a type the caller may not preview is refused (403).</summary>
    public async Task<DeskPage> ListAsync(WorkQuery query, CancellationToken cancellationToken = default)
    {
        var result = await workflow.QueryAsync(query, cancellationToken);
        return new DeskPage(result.Total ?? result.Items.Count, await DescribeAsync(result.Items, cancellationToken));
    }

    /// <summary>The items of <paramref name="contentType"/> (sections, authors) the caller may read, by title, for the list's filters.</summary>
    public async Task<IReadOnlyList<DeskOption>> OptionsAsync(string contentType, CancellationToken cancellationToken = default)
    {
        // Published ones for anyone who may view them; the latest versions too for whoever may preview the type.
        var status = await access.GetScopeAsync(ContentAction.Preview, contentType, cancellationToken) == AccessScope.All ? ContentStatus.Latest
            : await access.GetScopeAsync(ContentAction.View, contentType, cancellationToken) == AccessScope.All ? ContentStatus.Published
            : (ContentStatus?)null;
        if (status is null || await definitions.GetTypeAsync(contentType, cancellationToken) is null)
        {
            return [];
        }

        var items = await content.QueryAsync(new ContentQuery
        {
            ContentType = contentType,
            Status = status.Value,
            OrderBy = [ContentSort.By(ContentColumn.DisplayText)],
            Take = 500,
        }, cancellationToken);
        return [.. items.Items.Select(i => new DeskOption(i.ContentItemId, i.DisplayText ?? i.ContentItemId))];
    }

    /// <summary>
    /// Applies <paramref name="action"/> (<see cref="BulkActions"/>) to each item in turn, through the same call as for one
    /// item, each in its own transaction: what one item is refused does not stop or undo the others.
    /// </summary>
    public async Task<IReadOnlyList<BulkOutcome>> BulkAsync(string action, IReadOnlyCollection<string> contentItemIds, CancellationToken cancellationToken = default)
    {
        if (!BulkActions.All.Contains(action, StringComparer.Ordinal))
        {
            throw new ContentValidationException("$.action", $"'{action}' is not a bulk action; use one of: {string.Join(", ", BulkActions.All)}.");
        }

        var ids = contentItemIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            throw new ContentValidationException("$.items", "select at least one item.");
        }

        if (ids.Count > MaxBulkItems)
        {
            throw new ContentValidationException("$.items", $"select at most {MaxBulkItems} items at a time.");
        }

        var outcomes = new List<BulkOutcome>();
        foreach (var id in ids)
        {
            var latest = await content.GetAsync(id, VersionOptions.Latest, cancellationToken);
            var title = latest?.DisplayText;
            try
            {
                if (latest is null)
                {
                    throw new ContentNotFoundException(id);
                }

                if (action == BulkActions.Delete)
                {
                    await content.DeleteAsync(id, cancellationToken);
                }
                else
                {
                    await workflow.TransitionAsync(id, action, new TransitionInput(), cancellationToken);
                }

                outcomes.Add(new BulkOutcome(id, title, true, 200, null));
            }
            catch (Exception ex) when (ContentRefusal.Of(ex) is { } refusal)
            {
                outcomes.Add(new BulkOutcome(id, title, false, refusal.Status, ex.Message));
            }
        }

        return outcomes;
    }

    /// <summary>The dashboard's review inbox, <paramref name="take"/> items per list; null when the caller works on no type.</summary>
    public async Task<ReviewInbox?> InboxAsync(int take = 5, CancellationToken cancellationToken = default)
    {
        if ((await TypesAsync(cancellationToken)).Count == 0)
        {
            return null;
        }

        var zone = await SiteTimeZoneAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var localToday = TimeZoneInfo.ConvertTime(now, zone).Date;
        var startUtc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(localToday, DateTimeKind.Unspecified), zone);
        var endUtc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(localToday.AddDays(1), DateTimeKind.Unspecified), zone);

        var mayReview = false;
        foreach (var type in (await definitions.GetAsync(cancellationToken)).Types.Keys)
        {
            mayReview |= await access.GetScopeAsync(ContentAction.Review, type, cancellationToken) != AccessScope.None;
        }

        return new ReviewInbox(
            await ListAsync(new WorkQuery { AssignedToMe = true, Sort = WorkSort.Due, Take = take }, cancellationToken),
            mayReview ? await ListAsync(new WorkQuery { ReviewableByMe = true, Sort = WorkSort.Modified, Descending = false, Take = take }, cancellationToken) : null,
            await ListAsync(new WorkQuery { Overdue = true, Sort = WorkSort.Due, Take = take }, cancellationToken),
            await ListAsync(new WorkQuery { ScheduledFromUtc = startUtc, ScheduledBeforeUtc = endUtc, Sort = WorkSort.Scheduled, Take = take }, cancellationToken),
            zone);
    }

    /// <summary>The site's time zone (<see cref="SiteSettings.TimeZone"/>); UTC when it names no zone this machine knows.</summary>
    public async Task<TimeZoneInfo> SiteTimeZoneAsync(CancellationToken cancellationToken = default) =>
        (await settings.GetAsync(cancellationToken)).FindTimeZone();

    private async Task<IReadOnlyList<DeskRow>> DescribeAsync(IReadOnlyList<ContentItem> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return [];
        }

        var definitionSet = await definitions.GetAsync(cancellationToken);
        var references = items.ToDictionary(
            i => i.ContentItemVersionId,
            i => (Sections: ReferencedIds(definitionSet, i, DeskTypes.Section), Authors: ReferencedIds(definitionSet, i, DeskTypes.Author)),
            StringComparer.Ordinal);
        var titles = await TitlesAsync(references.Values.SelectMany(r => r.Sections.Concat(r.Authors)).ToHashSet(StringComparer.Ordinal), cancellationToken);
        var people = await UserNamesAsync(items.SelectMany(i => new[] { i.Owner, i.AssignedTo }).OfType<string>().ToHashSet(StringComparer.Ordinal), cancellationToken);
        var plans = await scheduler.PendingAsync([.. items.Select(i => i.ContentItemId)], cancellationToken);

        return
        [
            .. items.Select(item =>
            {
                var (sections, authors) = references[item.ContentItemVersionId];
                var plan = plans.TryGetValue(item.ContentItemId, out var p) ? p : default;
                return new DeskRow(
                    item.ContentItemId,
                    item.ContentItemVersionId,
                    item.DisplayText is { Length: > 0 } text ? text : item.ContentItemId,
                    item.ContentType,
                    definitionSet.FindType(item.ContentType)?.DisplayName ?? item.ContentType,
                    item.Published ? ContentStages.Published : item.Stage,
                    item.Published,
                    [.. sections.Select(id => titles.GetValueOrDefault(id, id))],
                    [.. authors.Select(id => titles.GetValueOrDefault(id, id))],
                    item.Owner is { } owner ? people.GetValueOrDefault(owner, owner) : null,
                    item.AssignedTo is { } reviewer ? people.GetValueOrDefault(reviewer, reviewer) : null,
                    item.ModifiedUtc,
                    item.DueUtc,
                    workflow.IsOverdue(item),
                    plan.PublishAtUtc,
                    plan.UnpublishAtUtc);
            }),
        ];
    }

    /// <summary>The ids an item's picker fields that allow <paramref name="targetType"/> hold, in their order.</summary>
    private static List<string> ReferencedIds(ContentDefinitionSet definitionSet, ContentItem item, string targetType)
    {
        var ids = new List<string>();
        if (definitionSet.FindType(item.ContentType) is not { } type)
        {
            return ids;
        }

        foreach (var (part, field) in PickerReferences.PickersTo(definitionSet, type, targetType))
        {
            if (item.Part(part.Name)?[field.Name] is JsonObject value && value["ContentItemIds"] is JsonArray picked)
            {
                foreach (var node in picked)
                {
                    if (node is JsonValue v && v.TryGetValue<string>(out var id) && !ids.Contains(id, StringComparer.Ordinal))
                    {
                        ids.Add(id);
                    }
                }
            }
        }

        return ids;
    }

    /// <summary>Titles of referenced items: the published title, or the latest one of an item not yet published if the caller may preview it.</summary>
    private async Task<Dictionary<string, string>> TitlesAsync(HashSet<string> ids, CancellationToken cancellationToken)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, item) in await store.GetManyAsync(ids, VersionOptions.Published, cancellationToken))
        {
            titles[id] = item.DisplayText ?? id;
        }

        var missing = ids.Where(id => !titles.ContainsKey(id)).ToList();
        foreach (var (id, item) in await store.GetManyAsync(missing, VersionOptions.Latest, cancellationToken))
        {
            if (await access.IsAllowedAsync(ContentAction.Preview, item, cancellationToken))
            {
                titles[id] = item.DisplayText ?? id;
            }
        }

        return titles;
    }

    private async Task<Dictionary<string, string>> UserNamesAsync(HashSet<string> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var ids = userIds.ToList();
        var rows = await users.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.UserName, u.DisplayName }).ToListAsync(cancellationToken);
        return rows.ToDictionary(u => u.Id, u => u.DisplayName ?? u.UserName ?? u.Id, StringComparer.Ordinal);
    }
}
