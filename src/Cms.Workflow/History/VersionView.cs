using Cms.Workflow.Comments;

namespace Cms.Workflow.History;

/// <summary>One version in an item's history: who saved it, when, its stage, and the comments made on it.</summary>
public sealed record VersionView(
    int Number,
    string ContentItemVersionId,
    string? DisplayText,
    string? Author,
    DateTime? ModifiedUtc,
    string Stage,
    bool Latest,
    bool Published,
    IReadOnlyList<CommentView> Comments);
