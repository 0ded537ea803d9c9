using Cms.Core.Fields;
using Cms.Core.Metadata;

namespace Cms.Core.Queries;

/// <summary>
/// Which fields of a type are content pickers, and how an item is filed under a section or credited to an author:
/// through a content picker field that allows the <see cref="SectionType"/> or <see cref="AuthorType"/> type (the
/// newsroom recipe's <c>Article.Section</c> and <c>Article.Authors</c>). One rule for the editorial desk's filters and
/// the search's, and for the references that recipes move (<see cref="Content.ContentReferences"/>).
/// </summary>
public static class PickerReferences
{
    public const string SectionType = "Section";
    public const string AuthorType = "Author";

    /// <summary>Every content picker field of <paramref name="type"/>, whatever it allows: each one can hold a reference.</summary>
    public static IEnumerable<(ContentTypePartDefinition Part, ContentPartFieldDefinition Field)> Pickers(ContentDefinitionSet definitions, ContentTypeDefinition type) =>
        definitions.FieldsOf(type).Where(f => f.Field.FieldName == "ContentPickerField");

    /// <summary>The picker fields of <paramref name="type"/> that allow <paramref name="targetType"/> (none on the target type itself).</summary>
    public static IEnumerable<(ContentTypePartDefinition Part, ContentPartFieldDefinition Field)> PickersTo(ContentDefinitionSet definitions, ContentTypeDefinition type, string targetType) =>
        string.Equals(type.Name, targetType, StringComparison.Ordinal)
            ? []
            : Pickers(definitions, type).Where(f => ContentPickerFieldKind.AllowedTypes(f.Field.KindSettings).Contains(targetType, StringComparer.Ordinal));

    /// <summary>
    /// Items that point at <paramref name="itemId"/> through a picker field allowing <paramref name="targetType"/>, on the
    /// other types (a section's own parent picker is its place in the tree, not membership). No such field: no match.
    /// </summary>
    public static OrFilter Filter(ContentDefinitionSet definitions, IEnumerable<ContentTypeDefinition> types, string targetType, string itemId)
    {
        var fields = new List<ContentFilter>();
        foreach (var type in types)
        {
            foreach (var (part, field) in PickersTo(definitions, type, targetType))
            {
                fields.Add(new AndFilter(
                [
                    new ColumnFilter(ContentColumn.ContentType, FilterOperator.Equal, type.Name),
                    new FieldFilter(FieldIndexKind.ContentPicker, part.Name, field.Name, FilterOperator.Equal, itemId),
                ]));
            }
        }

        return new OrFilter(fields);
    }
}
