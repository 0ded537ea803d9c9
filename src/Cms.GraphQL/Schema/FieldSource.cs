using System.Text.Json.Nodes;

namespace Cms.GraphQL.Schema;

/// <summary>The value object of one field (HtmlField, LinkField, MediaField, ContentPickerField) with the item it belongs to.</summary>
internal sealed record FieldSource(ContentNode Node, JsonObject Value);
