namespace Cms.Core.Content;

/// <summary>An item whose published or latest version points at another item through a content picker field.</summary>
public sealed record ContentReference(string ContentItemId, string ContentType, string? DisplayText, string PartName, string FieldName);
