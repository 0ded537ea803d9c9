namespace Cms.Preview.Rendering;

/// <summary>The generic page of a type without a template of its own: title, body if any, and each field.</summary>
public sealed record ItemView(string Title, string TypeName, string? Body, IReadOnlyList<FieldView> Fields);
