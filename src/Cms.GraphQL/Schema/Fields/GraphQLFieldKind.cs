using System.Text.Json.Nodes;
using GraphQL.Types;

namespace Cms.GraphQL.Schema.Fields;

/// <summary>
/// How values of one field kind look in GraphQL, keyed by the kind's name (<c>TextField</c>, ...). Either a scalar
/// (<see cref="Scalar"/> read from the stored value by <see cref="Read"/>) or an object type taken from the schema's
/// shared types (<see cref="Object"/>). <see cref="FilterScalar"/> is the scalar where-filters and orderBy compare;
/// which operators exist and whether it sorts come from the kind itself (<c>IContentFieldKind.Query</c>). Register one
/// with <c>services.AddGraphQLFieldKind(...)</c>; the built-in ones are in <see cref="BuiltInGraphQLFieldKinds"/>.
/// </summary>
public sealed record GraphQLFieldKind(string Kind)
{
    /// <summary>The GraphQL.NET type of a scalar value, e.g. <c>typeof(StringGraphType)</c>.</summary>
    public Type? Scalar { get; init; }

    /// <summary>Reads a scalar value from the stored field object (null when the field is missing).</summary>
    public Func<JsonObject?, object?>? Read { get; init; }

    /// <summary>An object value: its type among the schema's shared types; the field object is its source.</summary>
    public Func<GraphQLFieldTypes, IGraphType>? Object { get; init; }

    /// <summary>The scalar of where-filters and orderBy for a filterable kind (references use the picker's own input).</summary>
    public Type? FilterScalar { get; init; }

    /// <summary>A scalar kind whose filters compare the same scalar as its output.</summary>
    public static GraphQLFieldKind ForScalar(string kind, Type scalar, Func<JsonObject?, object?> read) =>
        new(kind) { Scalar = scalar, Read = read, FilterScalar = scalar };
}
