using Cms.Core.Content;

namespace Cms.Core.Search;

/// <summary>One result: the published item, its relevance (higher is better; only an order, not comparable across databases) and a snippet as safe HTML (<see cref="SearchSnippet"/>).</summary>
public sealed record ContentSearchHit(ContentItem Item, double Score, string Snippet);
