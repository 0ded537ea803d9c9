using System.Security.Claims;
using Cms.Core.Content;
using Cms.Core.Fields;
using Cms.Core.Metadata;
using Cms.Core.Queries;
using Cms.Core.Security;
using Cms.Core.Storage;
using Cms.Data.Entities;
using Cms.Security.Permissions;
using Cms.Workflow.Definitions;
using Cms.Workflow.Scheduling;
using Microsoft.AspNetCore.Identity;

namespace Cms.Workflow.Engine;

/// <summary>
/// The editorial desk's operations, for the API, the admin and bulk actions alike: an item's state and the
/// transitions its caller may make, transitions (a publish with a time becomes a schedule), review assignment, and
/// the work queues (assigned to me, overdue). The stage rules live in <see cref="WorkflowStateMachine"/>, the
/// version rules and permission checks in <see cref="IContentManager"/>; this class only composes them.
/// </summary>
public sealed class WorkflowService(
    IContentManager content,
    IContentStore store,
    IContentAccess access,
    WorkflowDefinitionStore definitions,
    PublishingScheduler scheduler,
    UserManager<CmsUser> users,
    IUserClaimsPrincipalFactory<CmsUser> principals,
    IPermissionService permissions,
    IUnitOfWork unitOfWork,
    IContentDefinitionManager contentDefinitions,
    TimeProvider clock)
{
    public const int MaxPageSize = 100;

    /// <summary>How many enabled users are considered as reviewers (a newsroom's desk, not a whole directory).</summary>
    public const int MaxReviewerCandidates = 500;

    /// <summary>The item's state for the caller, or null when it does not exist or the caller may not preview it.</summary>
    public async Task<WorkflowState?> GetStateAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        if (await PreviewableItem.LatestAsync(store, access, contentItemId, cancellationToken) is not { } latest)
        {
            return null;
        }

        var published = latest.Published ? latest : await store.GetAsync(contentItemId, VersionOptions.Published, cancellationToken);
        var workflow = await definitions.GetAsync(latest.ContentType, cancellationToken);
        var allowed = new List<string>();
        var commentRequired = new List<string>();
        foreach (var plan in WorkflowStateMachine.Available(workflow, latest, published))
        {
            var target = plan.Effect == TransitionEffect.Unpublish ? published! : latest;
            if (await access.IsAllowedAsync(plan.Permission, target, cancellationToken))
            {
                allowed.Add(plan.Name);
                if (plan.RequiresComment)
                {
                    commentRequired.Add(plan.Name);
                }
            }
        }

        return new WorkflowState(
            workflow.Workflow,
            WorkflowStateMachine.CurrentStage(latest),
            allowed,
            latest.AssignedTo,
            latest.DueUtc,
            IsOverdue(latest),
            published is not null,
            await scheduler.ListAsync(contentItemId, cancellationToken))
        {
            CommentRequired = commentRequired,
        };
    }

    /// <summary>
    /// The enabled users the item's review may be assigned to (those who hold <c>Review_{Type}</c> on it, by the same
    /// check <see cref="AssignAsync"/> makes); empty when the caller may not review the item.
    /// </summary>
    public async Task<IReadOnlyList<ReviewerView>> ReviewersAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        if (await PreviewableItem.LatestAsync(store, access, contentItemId, cancellationToken) is not { } latest)
        {
            throw new ContentNotFoundException(contentItemId);
        }

        if (!await access.IsAllowedAsync(ContentAction.Review, latest, cancellationToken))
        {
            return [];
        }

        var reviewers = new List<ReviewerView>();
        var candidates = users.Users.Where(u => u.IsEnabled).OrderBy(u => u.UserName).Take(MaxReviewerCandidates).ToList();
        foreach (var user in candidates)
        {
            if (await MayReviewAsync(user, latest, cancellationToken))
            {
                reviewers.Add(new ReviewerView(user.Id, user.UserName ?? user.Id, user.DisplayName));
            }
        }

        return reviewers;
    }

    /// <summary>Whether the caller may preview the item (and so read its state, thread and audit); false also for a missing item.</summary>
    public async Task<bool> MayPreviewAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        await PreviewableItem.LatestAsync(store, access, contentItemId, cancellationToken) is not null;

    /// <summary>Makes a transition. <c>publish</c> with a future time (or an unpublish time) schedules instead of publishing now.</summary>
    public async Task<ContentItem> TransitionAsync(string contentItemId, string transition, TransitionInput input, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var later = (input.PublishAtUtc is { } at && at > now) || input.UnpublishAtUtc is not null;
        if (transition == ContentTransitions.Schedule || (transition == ContentTransitions.Publish && later))
        {
            var publishAt = input.PublishAtUtc is { } when && when > now ? when : (DateTime?)null;
            if (publishAt is null && input.UnpublishAtUtc is not null && transition == ContentTransitions.Publish)
            {
                // Publish now, then take it down at the given time.
                await using var scope = await unitOfWork.BeginAsync(cancellationToken);
                var version = await content.TransitionAsync(contentItemId, ContentTransitions.Publish, Request(input), cancellationToken);
                scheduler.AddUnpublish(version, input.UnpublishAtUtc.Value);
                await unitOfWork.SaveChangesAsync(cancellationToken);
                await scope.CommitAsync(cancellationToken);
                return version;
            }

            return await scheduler.ScheduleAsync(contentItemId, input.ExpectedVersionId, publishAt, input.UnpublishAtUtc, cancellationToken);
        }

        if (transition == ContentTransitions.Unpublish || transition == ContentTransitions.Withdraw || transition == ContentTransitions.RequestChanges)
        {
            // Taking an item back cancels what was planned for it.
            await using var scope = await unitOfWork.BeginAsync(cancellationToken);
            var version = await content.TransitionAsync(contentItemId, transition, Request(input), cancellationToken);
            await scheduler.CancelPendingAsync(contentItemId, $"cancelled by '{transition}'", cancellationToken);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            await scope.CommitAsync(cancellationToken);
            return version;
        }

        return await content.TransitionAsync(contentItemId, transition, Request(input), cancellationToken);
    }

    /// <summary>Assigns the review to a user who may review the item (null clears it), with an optional due date.</summary>
    public async Task<ContentItem> AssignAsync(string contentItemId, string? expectedVersionId, string? assigneeUserId, DateTime? dueUtc, CancellationToken cancellationToken = default)
    {
        if (assigneeUserId is { Length: > 0 } userId)
        {
            var latest = await store.GetAsync(contentItemId, VersionOptions.Latest, cancellationToken);
            var user = await users.FindByIdAsync(userId);
            if (user is null || !user.IsEnabled || latest is null || !await MayReviewAsync(user, latest, cancellationToken))
            {
                throw new ContentValidationException("$.assignedTo", $"'{userId}' is not a user who may review this item.");
            }
        }

        return await content.AssignAsync(contentItemId, expectedVersionId, assigneeUserId, dueUtc, cancellationToken);
    }

    /// <summary>
    /// Latest versions for the desk, in the asked order (newest change first by default), with the total. Every
    /// criterion, and what the caller may not preview, is applied in SQL, so paging and the total count only matches.
    /// </summary>
    public async Task<ContentQueryResult> QueryAsync(WorkQuery query, CancellationToken cancellationToken = default)
    {
        if (query.Take is < 1 or > MaxPageSize)
        {
            throw new ContentValidationException("$.take", $"must be between 1 and {MaxPageSize}.");
        }

        if (query.Skip < 0)
        {
            throw new ContentValidationException("$.skip", "must not be negative.");
        }

        var definitionSet = await contentDefinitions.GetAsync(cancellationToken);
        if (query.ContentType is { Length: > 0 } type && definitionSet.FindType(type) is null)
        {
            throw new ContentValidationException("$.type", $"'{type}' is not a content type.");
        }

        var types = query.ContentType is { Length: > 0 } one ? [definitionSet.FindType(one)!] : definitionSet.Types.Values.ToList();
        var filters = new List<ContentFilter>();
        if (query.Stage is { Length: > 0 } stage)
        {
            if (!ContentStages.IsKnown(stage))
            {
                throw new ContentValidationException("$.stage", $"'{stage}' is not a stage; use one of: {string.Join(", ", ContentStages.All)}.");
            }

            filters.Add(new ColumnFilter(ContentColumn.Stage, FilterOperator.Equal, stage));
        }

        if (query.Section is { Length: > 0 } section)
        {
            filters.Add(PickerReferences.Filter(definitionSet, types, DeskTypes.Section, section));
        }

        if (query.Author is { Length: > 0 } author)
        {
            filters.Add(PickerReferences.Filter(definitionSet, types, DeskTypes.Author, author));
        }

        var me = access.Actor.UserId;
        if (query.AssignedToMe)
        {
            filters.Add(new ColumnFilter(ContentColumn.AssignedTo, FilterOperator.Equal, me ?? "\0"));
        }

        if (query.Mine)
        {
            filters.Add(new ColumnFilter(ContentColumn.Owner, FilterOperator.Equal, me ?? "\0"));
        }

        if (query.Overdue)
        {
            filters.Add(new ColumnFilter(ContentColumn.DueUtc, FilterOperator.LessThan, clock.GetUtcNow().UtcDateTime));
            filters.Add(new ColumnFilter(ContentColumn.Published, FilterOperator.Equal, false));
        }

        if (query.Scheduled || query.ScheduledFromUtc is not null || query.ScheduledBeforeUtc is not null)
        {
            filters.Add(new ScheduleFilter(PublishingScheduler.PublishAction, ScheduleStatus.Pending)
            {
                DueFromUtc = query.ScheduledFromUtc,
                DueBeforeUtc = query.ScheduledBeforeUtc,
            });
        }

        if (query.ReviewableByMe)
        {
            var reviewable = new List<string>();
            foreach (var candidate in types)
            {
                if (await access.GetScopeAsync(ContentAction.Review, candidate.Name, cancellationToken) != AccessScope.None)
                {
                    reviewable.Add(candidate.Name);
                }
            }

            filters.Add(new ColumnFilter(ContentColumn.Stage, FilterOperator.Equal, ContentStages.InReview));
            filters.Add(new ColumnFilter(ContentColumn.ContentType, FilterOperator.In, reviewable));
        }

        if (query.Title is { Length: > 0 } title)
        {
            filters.Add(new ColumnFilter(ContentColumn.DisplayText, FilterOperator.Contains, title));
        }

        return await content.QueryAsync(new ContentQuery
        {
            ContentType = query.ContentType is { Length: > 0 } ? query.ContentType : null,
            Status = ContentStatus.Latest,
            Where = filters.Count switch { 0 => null, 1 => filters[0], _ => new AndFilter(filters) },
            OrderBy = Order(query),
            Skip = query.Skip,
            Take = query.Take,
            IncludeTotal = true,
        }, cancellationToken);
    }

    public bool IsOverdue(ContentItem latest) =>
        latest.DueUtc is { } due && due < clock.GetUtcNow().UtcDateTime && !latest.Published;

    private async Task<bool> MayReviewAsync(CmsUser user, ContentItem item, CancellationToken cancellationToken)
    {
        ClaimsPrincipal principal = await principals.CreateAsync(user);
        return await permissions.IsAllowedAsync(principal, ContentAction.Review, item, cancellationToken);
    }

    private static IReadOnlyList<ContentSort> Order(WorkQuery query)
    {
        // Dates read newest first and names A to Z unless the caller says otherwise; the due and planned dates soonest first.
        var descending = query.Descending ?? query.Sort is WorkSort.Modified or WorkSort.Created;
        var primary = query.Sort switch
        {
            WorkSort.Title => ContentSort.By(ContentColumn.DisplayText, descending),
            WorkSort.Type => ContentSort.By(ContentColumn.ContentType, descending),
            WorkSort.Stage => ContentSort.By(ContentColumn.Stage, descending),
            WorkSort.Created => ContentSort.By(ContentColumn.CreatedUtc, descending),
            WorkSort.Due => ContentSort.By(ContentColumn.DueUtc, descending),
            WorkSort.Scheduled => ContentSort.BySchedule(PublishingScheduler.PublishAction, ScheduleStatus.Pending, descending),
            _ => ContentSort.By(ContentColumn.ModifiedUtc, descending),
        };
        return query.Sort == WorkSort.Modified ? [primary] : [primary, ContentSort.By(ContentColumn.ModifiedUtc, descending: true)];
    }

    private static TransitionRequest Request(TransitionInput input) =>
        new() { ExpectedVersionId = input.ExpectedVersionId, Comment = input.Comment };
}
