using GraphQL.Types;

namespace Cms.GraphQL.Schema.Fields;

/// <summary>The object types a field kind's value can take in one generated schema.</summary>
public sealed class GraphQLFieldTypes
{
    internal GraphQLFieldTypes(SharedTypes shared, ObjectGraphType picker)
    {
        HtmlField = shared.HtmlField;
        LinkField = shared.LinkField;
        MediaField = shared.MediaField;
        ContentPickerField = picker;
    }

    /// <summary><c>{ html }</c>.</summary>
    public IGraphType HtmlField { get; }

    /// <summary><c>{ url text }</c>.</summary>
    public IGraphType LinkField { get; }

    /// <summary><c>{ paths urls files { ... } crop(profile:) ... }</c>.</summary>
    public IGraphType MediaField { get; }

    /// <summary><c>{ contentItemIds contentItems { ... on Article } }</c>.</summary>
    public IGraphType ContentPickerField { get; }
}
