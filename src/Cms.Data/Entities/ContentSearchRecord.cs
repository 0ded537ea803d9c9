namespace Cms.Data.Entities;

/// <summary>
/// The search text of one published item (<c>ContentSearch</c>). The full-text index follows these rows in the same
/// transaction: on SQLite the FTS5 table <c>ContentSearchFts</c> (external content, kept by triggers), on PostgreSQL
/// the generated <c>tsvector</c> column <c>Vector</c> with a GIN index; both are made by the hand-written
/// <c>SearchIndexSql</c> migration.
/// </summary>
public sealed class ContentSearchRecord
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";

    /// <summary>The published version's row (<c>ContentItems.Id</c>): searches join on it, a primary key.</summary>
    public long DocumentId { get; set; }

    public ContentItemRecord? Document { get; set; }

    public string ContentType { get; set; } = "";
    public string Title { get; set; } = "";
    public string Lead { get; set; } = "";
    public string Body { get; set; } = "";
    public string Tags { get; set; } = "";
    public string Authors { get; set; } = "";
}
