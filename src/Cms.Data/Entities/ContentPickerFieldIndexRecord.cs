namespace Cms.Data.Entities;

/// <summary><see cref="FieldIndexRecord{TValue}.Value"/> is the referenced content item id.</summary>
public sealed class ContentPickerFieldIndexRecord : FieldIndexRecord<string>;
