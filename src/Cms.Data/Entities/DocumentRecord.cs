namespace Cms.Data.Entities;

/// <summary>A named JSON document: content definitions, site settings.</summary>
public sealed class DocumentRecord
{
    public string Name { get; set; } = "";
    public string Data { get; set; } = "{}";
    public DateTime UpdatedUtc { get; set; }
    public int Revision { get; set; }
}
