using Cms.Core.Metadata;
using GraphQL.Types;

namespace Cms.GraphQL.Schema;

/// <summary>What the generator made for one content type: its object type and the allowlists of its where and orderBy keys.</summary>
internal sealed class ContentTypeSchema(ContentTypeDefinition definition, ObjectGraphType objectType)
{
    public ContentTypeDefinition Definition { get; } = definition;
    public ObjectGraphType ObjectType { get; } = objectType;
    public Dictionary<string, WhereKey> WhereKeys { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, FilterTarget> OrderKeys { get; } = new(StringComparer.Ordinal);
    public InputObjectGraphType WhereInput { get; } = new() { Name = definition.Name + "WhereInput", Description = $"Conditions on {definition.DisplayName} items; all keys must hold." };
    public InputObjectGraphType OrderByInput { get; } = new() { Name = definition.Name + "OrderByInput", Description = $"Sort keys of {definition.DisplayName} items; several keys (or several objects in a list) sort in the order given." };
}
