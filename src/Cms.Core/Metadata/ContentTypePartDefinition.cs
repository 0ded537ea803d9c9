using System.Text.Json.Nodes;

namespace Cms.Core.Metadata;

/// <summary>
/// A part attached to a type. <see cref="Name"/> is the key of the part in the item's JSON;
/// <see cref="PartName"/> names the part definition (TitlePart, or a type's own field-holding part).
/// </summary>
public sealed record ContentTypePartDefinition
{
    public required string Name { get; init; }
    public required string PartName { get; init; }
    public JsonObject Settings { get; init; } = [];

    public int Position =>
        Settings["ContentTypePartSettings"]?["Position"] is JsonValue v && int.TryParse(v.ToString(), out var p) ? p : 0;

    /// <summary>True when the part's fields show directly on the type in GraphQL (Orchard's "named part").</summary>
    public bool IsCollapsed(string typeName) =>
        string.Equals(Name, typeName, StringComparison.Ordinal)
        || Settings["GraphQLContentTypePartSettings"]?["Collapse"] is JsonValue c && c.TryGetValue<bool>(out var collapse) && collapse;
}
