using Cms.Core.Metadata;

namespace Cms.Admin.Pages.Admin.Content;

/// <summary>What the generated editor page shows: the type, the item as loaded (if it exists) and its editors in order.</summary>
public sealed record EditorViewModel
{
    public required ContentTypeDefinition Type { get; init; }

    /// <summary>The item's id, or null for a new item.</summary>
    public string? ContentItemId { get; init; }

    /// <summary>The version the form was loaded from (the ETag to send back in If-Match).</summary>
    public string? VersionId { get; init; }

    public string? DisplayText { get; init; }

    /// <summary>True once a version of the item has been published: the path then stays as it is unless edited by hand.</summary>
    public bool EverPublished { get; init; }

    /// <summary>The item JSON as loaded (type and parts), for the script.</summary>
    public required string ItemJson { get; init; }

    public required IReadOnlyList<FieldEditorModel> Editors { get; init; }

    /// <summary>The site's IANA time zone: dates are shown and typed in it.</summary>
    public required string TimeZone { get; init; }

    public int WordsPerMinute { get; init; }

    public bool IsNew => ContentItemId is null;
}
