namespace Cms.Data.Entities;

public sealed class NumericFieldIndexRecord : FieldIndexRecord<double?>;
