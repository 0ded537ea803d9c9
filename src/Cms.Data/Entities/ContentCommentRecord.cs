namespace Cms.Data.Entities;

/// <summary>A comment in an item's review thread, made on a given version.</summary>
public sealed class ContentCommentRecord
{
    public long Id { get; set; }
    public string CommentId { get; set; } = "";
    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public string? AuthorId { get; set; }
    public string? AuthorName { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? EditedUtc { get; set; }

    /// <summary>Sanitized HTML.</summary>
    public string Text { get; set; } = "";

    /// <summary>The transition the comment came with (request-changes, ...), if any.</summary>
    public string? Transition { get; set; }
}
