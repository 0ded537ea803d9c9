namespace Cms.Data.Entities;

/// <summary>A row of a field index table: which version, which field, and the value in <see cref="FieldIndexRecord{TValue}.Value"/>.</summary>
public abstract class FieldIndexRecord
{
    public long Id { get; set; }
    public long DocumentId { get; set; }
    public string ContentType { get; set; } = "";
    public string PartName { get; set; } = "";
    public string FieldName { get; set; } = "";
}
