namespace Cms.Core.Fields;

/// <summary>One indexed value of one field of one version. A multi-valued field yields several entries.</summary>
public sealed record FieldIndexEntry(FieldIndexKind Kind, string PartName, string FieldName)
{
    public string? Text { get; init; }
    public double? Number { get; init; }
    public bool? Boolean { get; init; }
    public DateTime? Date { get; init; }

    /// <summary>The referenced item id, for ContentPicker entries.</summary>
    public string? ContentItemId { get; init; }
}
