using Cms.Core.Content.Related;
using Cms.Core.Fields;
using Cms.Core.Metadata;

namespace Cms.Preview.Rendering;

/// <summary>
/// Where an article keeps what its page shows, read from its definition: the lead (a text field named Lead), the
/// section (the group picker of <see cref="RelatedItemsRule"/>, else the first single picker to another type), the
/// authors (a picker named Authors, else the first multiple picker to another type), the cover (the first media
/// field) and the tags (the first tags field). Any of them may be missing.
/// </summary>
internal sealed record StoryShape(PickerReference? Section, PickerReference? Authors, FieldRef? Lead, FieldRef? Cover, FieldRef? Tags)
{
    public static StoryShape Of(ContentTypeDefinition type, ContentDefinitionSet set)
    {
        PickerReference? section = RelatedItemsRule.For(type, set)?.Group;
        PickerReference? authors = null;
        FieldRef? lead = null;
        FieldRef? cover = null;
        FieldRef? tags = null;
        foreach (var (typePart, field) in set.FieldsOf(type))
        {
            var allowed = ContentPickerFieldKind.AllowedTypes(field.KindSettings);
            var toOther = allowed.Count > 0 && !allowed.Contains(type.Name);
            var multiple = field.KindSettings["Multiple"] is System.Text.Json.Nodes.JsonValue m && m.TryGetValue<bool>(out var isMultiple) && isMultiple;
            switch (field.FieldName)
            {
                case "ContentPickerField" when toOther && !multiple && section is null:
                    section = new PickerReference(typePart.Name, field);
                    break;
                case "ContentPickerField" when toOther && multiple && (authors is null || field.Name == "Authors"):
                    authors = new PickerReference(typePart.Name, field);
                    break;
                case "TextField" when field.Name == "Lead":
                    lead = new FieldRef(typePart.Name, field);
                    break;
                case "MediaField" when cover is null:
                    cover = new FieldRef(typePart.Name, field);
                    break;
                case "TagsField" when tags is null:
                    tags = new FieldRef(typePart.Name, field);
                    break;
            }
        }

        return new StoryShape(section, authors, lead, cover, tags);
    }

    /// <summary>The picker of a hierarchical type (a section) that names its parent: a single picker to the same type.</summary>
    public static PickerReference? ParentOf(ContentTypeDefinition type, ContentDefinitionSet set)
    {
        foreach (var (typePart, field) in set.FieldsOf(type))
        {
            if (field.FieldName == "ContentPickerField" && ContentPickerFieldKind.AllowedTypes(field.KindSettings).Contains(type.Name))
            {
                return new PickerReference(typePart.Name, field);
            }
        }

        return null;
    }
}
