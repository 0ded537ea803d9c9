using Cms.Core.Fields;
using Microsoft.Extensions.Logging;

namespace Cms.GraphQL.Schema.Fields;

/// <summary>
/// The field kinds the schema knows: each registered <see cref="IContentFieldKind"/> with its <see cref="GraphQLFieldKind"/>.
/// A kind without a GraphQL shape is left out of the schema, with a warning once at start.
/// </summary>
internal sealed class GraphQLFieldKinds
{
    private readonly Dictionary<string, IContentFieldKind> _kinds;
    private readonly Dictionary<string, GraphQLFieldKind> _shapes;

    public GraphQLFieldKinds(IEnumerable<IContentFieldKind> kinds, IEnumerable<GraphQLFieldKind> shapes, ILogger<GraphQLFieldKinds> logger)
    {
        _kinds = kinds.GroupBy(k => k.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        _shapes = shapes.GroupBy(s => s.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        foreach (var name in _kinds.Keys.Where(k => !_shapes.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            logger.LogWarning("GraphQL: the field kind {FieldKind} has no GraphQL shape (services.AddGraphQLFieldKind); its fields are left out of the schema", name);
        }
    }

    /// <summary>The kind and its GraphQL shape, or null when either is missing.</summary>
    public (IContentFieldKind Kind, GraphQLFieldKind Shape)? Find(string name) =>
        _kinds.TryGetValue(name, out var kind) && _shapes.TryGetValue(name, out var shape) ? (kind, shape) : null;
}
