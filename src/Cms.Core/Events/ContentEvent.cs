namespace Cms.Core.Events;

/// <summary>Something happened to an item. Raised after the change has committed.</summary>
public sealed record ContentEvent(ContentEventKind Kind, string ContentItemId, string ContentType, string? ContentItemVersionId, string? UserId);
