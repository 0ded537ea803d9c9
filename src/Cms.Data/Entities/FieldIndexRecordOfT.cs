namespace Cms.Data.Entities;

public abstract class FieldIndexRecord<TValue> : FieldIndexRecord
{
    public TValue? Value { get; set; }
}
