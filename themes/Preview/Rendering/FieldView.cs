namespace Cms.Preview.Rendering;

/// <summary>
/// One field on the generic page. <see cref="Template"/> is the field kind's template (<c>fields/{Kind}</c>) when the
/// theme has one, else <c>fields/default</c>; <see cref="Value"/> is the stored value as plain data.
/// </summary>
public sealed record FieldView(string Label, string Kind, string Template, object? Value)
{
    /// <summary>Titles of the items a picker references (those the reader may see).</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>Images of a media value.</summary>
    public IReadOnlyList<ImageView> Images { get; init; } = [];
}
