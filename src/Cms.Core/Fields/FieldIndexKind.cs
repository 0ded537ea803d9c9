namespace Cms.Core.Fields;

/// <summary>Which index table a field's values go to (like YesSql's map indexes, one per field kind).</summary>
public enum FieldIndexKind
{
    None,
    Text,
    Numeric,
    Boolean,
    DateTime,
    ContentPicker,
}
