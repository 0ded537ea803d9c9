namespace Cms.Data.Entities;

public sealed class TextFieldIndexRecord : FieldIndexRecord<string>;
