using GraphQL.Types;

namespace Cms.GraphQL.Schema.Fields;

/// <summary>The GraphQL shapes of the built-in field kinds, in Orchard Core's form (one row per kind).</summary>
public static class BuiltInGraphQLFieldKinds
{
    public static IReadOnlyList<GraphQLFieldKind> All { get; } =
    [
        GraphQLFieldKind.ForScalar("TextField", typeof(StringGraphType), v => JsonRead.String(v?["Text"])),
        GraphQLFieldKind.ForScalar("NumericField", typeof(DecimalGraphType), v => JsonRead.Decimal(v?["Value"])),
        GraphQLFieldKind.ForScalar("BooleanField", typeof(BooleanGraphType), v => JsonRead.Bool(v?["Value"])),
        GraphQLFieldKind.ForScalar("DateTimeField", typeof(DateTimeGraphType), v => JsonRead.Date(v?["Value"])),
        new("TagsField")
        {
            Scalar = typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>),
            Read = v => JsonRead.Strings(v?["Tags"]),
            FilterScalar = typeof(StringGraphType),
        },
        new("HtmlField") { Object = types => types.HtmlField },
        new("LinkField") { Object = types => types.LinkField },
        new("MediaField") { Object = types => new NonNullGraphType(types.MediaField) },
        new("ContentPickerField") { Object = types => new NonNullGraphType(types.ContentPickerField) },
    ];
}
