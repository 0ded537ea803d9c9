namespace Cms.GraphQL.Schema;

/// <summary>One search result: the published item, its relevance and its snippet (safe HTML).</summary>
internal sealed record SearchHitNode(ContentNode Item, double Score, string Snippet);
