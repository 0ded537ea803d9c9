namespace Cms.Data.Entities;

/// <summary>One content version: the document (<see cref="Data"/>, the parts as JSON) and its common index columns.</summary>
public sealed class ContentItemRecord
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string? DisplayText { get; set; }
    public string? Path { get; set; }
    public bool Latest { get; set; }
    public bool Published { get; set; }
    public string? Owner { get; set; }
    public string? Author { get; set; }
    public DateTime? CreatedUtc { get; set; }
    public DateTime? ModifiedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }

    /// <summary>The version's editorial stage (Draft, InReview, Approved, Published).</summary>
    public string Stage { get; set; } = "Draft";

    /// <summary>The user id of the reviewer the item is assigned to.</summary>
    public string? AssignedTo { get; set; }

    public DateTime? DueUtc { get; set; }
    public string Data { get; set; } = "{}";

    /// <summary>Grows with every write; a write that started from an older value is refused (optimistic concurrency).</summary>
    public int Revision { get; set; }

    public List<TextFieldIndexRecord> TextFields { get; set; } = [];
    public List<NumericFieldIndexRecord> NumericFields { get; set; } = [];
    public List<BooleanFieldIndexRecord> BooleanFields { get; set; } = [];
    public List<DateTimeFieldIndexRecord> DateTimeFields { get; set; } = [];
    public List<ContentPickerFieldIndexRecord> ContentPickerFields { get; set; } = [];
}
