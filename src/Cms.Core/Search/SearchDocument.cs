namespace Cms.Core.Search;

/// <summary>
/// The text of one published item as the search index holds it: title, lead (the type's text fields), body (the HTML
/// body and HTML fields without markup), tags and the names of its published authors. Plain text without control
/// characters, so the snippet marks (<see cref="SearchSnippet"/>) cannot be forged by content.
/// </summary>
public sealed record SearchDocument(string ContentItemId, string ContentItemVersionId, string ContentType, string Title, string Lead, string Body, string Tags, string Authors);

/// <summary>
/// The part of a <see cref="SearchDocument"/> that comes from the item's own content (everything but its ids and author
/// names), the costly part to make: <see cref="SearchDocumentBuilder.Texts"/>.
/// </summary>
public sealed record SearchTexts(string Title, string Lead, string Body, string Tags);
