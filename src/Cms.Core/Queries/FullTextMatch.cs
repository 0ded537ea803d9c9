namespace Cms.Core.Queries;

/// <summary>
/// How well an item matched a <see cref="FullTextQuery"/> (higher is better) and a short passage of its text, plain text
/// in which each matched word is enclosed by <see cref="Search.SearchSnippet.StartMark"/> and
/// <see cref="Search.SearchSnippet.EndMark"/> (control characters that the index never holds).
/// </summary>
public sealed record FullTextMatch(double Score, string MarkedSnippet);
