namespace Cms.Core.Search;

/// <summary>
/// The text of one published item as the search index holds it: title, lead (the type's text fields), body (the HTML
/// body and HTML fields without markup), tags and the names of its published authors. Plain text without control
/// characters, so the snippet marks (<see cref="SearchSnippet"/>) cannot be forged by content.
/// </summary>
public sealed record SearchDocument(string ContentItemId, string ContentItemVersionId, string ContentType, string Title, string Lead, string Body, string Tags, string Authors);
