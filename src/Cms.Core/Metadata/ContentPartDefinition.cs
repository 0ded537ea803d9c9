using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Cms.Core.Metadata;

/// <summary>A part definition with its fields. Built-in parts (TitlePart, ...) need no definition.</summary>
public sealed record ContentPartDefinition
{
    public required string Name { get; init; }
    public JsonObject Settings { get; init; } = [];
    public ImmutableArray<ContentPartFieldDefinition> Fields { get; init; } = [];

    public ContentPartFieldDefinition? FindField(string name) =>
        Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));
}
