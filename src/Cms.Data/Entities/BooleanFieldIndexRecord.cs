namespace Cms.Data.Entities;

public sealed class BooleanFieldIndexRecord : FieldIndexRecord<bool?>;
