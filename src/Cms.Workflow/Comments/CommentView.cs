namespace Cms.Workflow.Comments;

/// <summary>A review comment as the API and the admin show it; <see cref="Editable"/> tells whether the caller may still change it.</summary>
public sealed record CommentView(
    string CommentId,
    string ContentItemVersionId,
    string? AuthorId,
    string? AuthorName,
    DateTime CreatedUtc,
    DateTime? EditedUtc,
    string Text,
    string? Transition,
    bool Editable);
