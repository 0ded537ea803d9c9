using System.Collections.Immutable;

namespace Cms.Core.Metadata;

/// <summary>All content types and parts at one point in time. Immutable; <see cref="Serial"/> grows with each change.</summary>
public sealed record ContentDefinitionSet
{
    public static readonly ContentDefinitionSet Empty = new();

    public long Serial { get; init; }
    public ImmutableDictionary<string, ContentTypeDefinition> Types { get; init; } =
        ImmutableDictionary.Create<string, ContentTypeDefinition>(StringComparer.Ordinal);
    public ImmutableDictionary<string, ContentPartDefinition> Parts { get; init; } =
        ImmutableDictionary.Create<string, ContentPartDefinition>(StringComparer.Ordinal);

    public ContentTypeDefinition? FindType(string name) => Types.GetValueOrDefault(name);

    public ContentPartDefinition? FindPart(string name) => Parts.GetValueOrDefault(name);

    public ContentDefinitionSet WithType(ContentTypeDefinition type) => this with { Types = Types.SetItem(type.Name, type) };

    public ContentDefinitionSet WithPart(ContentPartDefinition part) => this with { Parts = Parts.SetItem(part.Name, part) };

    /// <summary>The fields of a type, with the part key they live under.</summary>
    public IEnumerable<(ContentTypePartDefinition Part, ContentPartFieldDefinition Field)> FieldsOf(ContentTypeDefinition type)
    {
        foreach (var typePart in type.Parts.OrderBy(p => p.Position))
        {
            if (FindPart(typePart.PartName) is { } partDefinition)
            {
                foreach (var field in partDefinition.Fields)
                {
                    yield return (typePart, field);
                }
            }
        }
    }
}
