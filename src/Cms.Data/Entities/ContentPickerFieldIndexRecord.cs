namespace Cms.Data.Entities;

/// <summary>
/// <see cref="FieldIndexRecord{TValue}.Value"/> is the referenced content item id. The row also carries its version's
/// <see cref="Published"/> flag and <see cref="PublishedUtc"/> (kept in step by the content store whenever the version's
/// change), so "the newest published items that pick this one" — a section front, an author's page — is one range of
/// the value index, read in order and cut at the page, instead of every item of the section read and sorted.
/// </summary>
public sealed class ContentPickerFieldIndexRecord : FieldIndexRecord<string>
{
    public bool Published { get; set; }

    public DateTime? PublishedUtc { get; set; }
}
