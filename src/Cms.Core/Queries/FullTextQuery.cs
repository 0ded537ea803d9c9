namespace Cms.Core.Queries;

/// <summary>
/// Full-text criteria of a <see cref="ContentQuery"/>: every term must occur (after stemming) in the item's search
/// document. Terms are plain words made by <see cref="Search.SearchText"/>, never query syntax; the store quotes each one.
/// Only published versions are in the search index, so a query with full text must read published versions.
/// </summary>
public sealed record FullTextQuery(IReadOnlyList<string> Terms);
