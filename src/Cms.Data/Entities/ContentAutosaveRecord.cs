namespace Cms.Data.Entities;

/// <summary>
/// A user's private autosave of an editor form: not a version, never shown to anyone else, one per user and item (or per
/// user and type for an item not yet created), replaced at every autosave and removed when the user saves.
/// </summary>
public sealed class ContentAutosaveRecord
{
    public long Id { get; set; }

    /// <summary>The user the autosave belongs to.</summary>
    public string UserId { get; set; } = "";

    /// <summary>The item's id, or <c>new:{ContentType}</c> for an item not yet created.</summary>
    public string ItemKey { get; set; } = "";

    public string ContentType { get; set; } = "";

    /// <summary>The item JSON as the editor held it (type and parts).</summary>
    public string Data { get; set; } = "";

    /// <summary>The version the editing started from, if the item existed.</summary>
    public string? BaseVersionId { get; set; }

    public DateTime SavedUtc { get; set; }
}
