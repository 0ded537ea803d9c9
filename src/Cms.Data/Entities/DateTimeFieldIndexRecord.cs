namespace Cms.Data.Entities;

public sealed class DateTimeFieldIndexRecord : FieldIndexRecord<DateTime?>;
