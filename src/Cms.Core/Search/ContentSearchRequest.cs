namespace Cms.Core.Search;

/// <summary>
/// A search over published items: the words typed (see <see cref="SearchText"/>), optional filters (one content type,
/// a section's or an author's content item id, a publication date range: <see cref="FromUtc"/> inclusive,
/// <see cref="ToUtc"/> exclusive) and a page.
/// </summary>
public sealed record ContentSearchRequest
{
    public required string Text { get; init; }
    public string? ContentType { get; init; }
    public string? SectionId { get; init; }
    public string? AuthorId { get; init; }
    public DateTime? FromUtc { get; init; }
    public DateTime? ToUtc { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 20;

    /// <summary>Counts all matches; off when only the page is wanted.</summary>
    public bool IncludeTotal { get; init; } = true;
}
