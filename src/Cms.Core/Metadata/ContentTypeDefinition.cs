using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Cms.Core.Metadata;

/// <summary>A content type: data, not a C# class. Immutable; a change makes a new record.</summary>
public sealed record ContentTypeDefinition
{
    public required string Name { get; init; }
    public required string DisplayName { get; init; }
    public ContentTypeSettings Settings { get; init; } = new();

    /// <summary>All settings as they came from the recipe or the admin, including the ones we do not model.</summary>
    public JsonObject RawSettings { get; init; } = [];

    public ImmutableArray<ContentTypePartDefinition> Parts { get; init; } = [];

    public ContentTypePartDefinition? FindPart(string name) =>
        Parts.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    public bool HasPart(string partName) =>
        Parts.Any(p => string.Equals(p.PartName, partName, StringComparison.Ordinal));
}
