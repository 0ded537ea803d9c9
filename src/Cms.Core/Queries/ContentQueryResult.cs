using Cms.Core.Content;

namespace Cms.Core.Queries;

/// <summary>A page of items, the total when asked for, and for a full-text query each item's match (same order as <see cref="Items"/>).</summary>
public sealed record ContentQueryResult(IReadOnlyList<ContentItem> Items, int? Total, IReadOnlyList<FullTextMatch>? Matches = null);
