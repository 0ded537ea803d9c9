namespace Cms.Data.Stores;

/// <summary>One full-text match as the provider's SQL returns it: the <c>ContentSearch</c> row, its item and its relevance.</summary>
internal sealed class FullTextRow
{
    public long Id { get; set; }
    public long DocumentId { get; set; }
    public double Score { get; set; }
}
