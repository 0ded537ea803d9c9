namespace Cms.Workflow.Api;

/// <summary>The body of <c>POST /api/content/{id}/transitions/{name}</c>.</summary>
public sealed record TransitionBody(string? Comment, DateTimeOffset? PublishAt, DateTimeOffset? UnpublishAt);

/// <summary>The body of <c>PUT /api/content/{id}/assignment</c>: a reviewer's user id (null clears it) and a due date.</summary>
public sealed record AssignmentBody(string? AssignedTo, DateTimeOffset? Due);

/// <summary>The body of a review comment.</summary>
public sealed record CommentBody(string? Text);

/// <summary>One row of the content list.</summary>
public sealed record ContentSummary(
    string ContentItemId,
    string ContentItemVersionId,
    string ContentType,
    string? DisplayText,
    string Stage,
    bool Published,
    string? Owner,
    string? Author,
    DateTime? ModifiedUtc,
    DateTime? PublishedUtc,
    string? AssignedTo,
    DateTime? DueUtc);

/// <summary>A page of results with the total number of matches.</summary>
public sealed record ContentPage<T>(int Total, IReadOnlyList<T> Items);
