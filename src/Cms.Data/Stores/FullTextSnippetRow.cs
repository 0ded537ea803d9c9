namespace Cms.Data.Stores;

/// <summary>The snippet of one <c>ContentSearch</c> row, matched words enclosed in the snippet marks.</summary>
internal sealed class FullTextSnippetRow
{
    public long Id { get; set; }
    public string? Snippet { get; set; }
}
