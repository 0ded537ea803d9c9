using System.Text.Json.Nodes;

namespace Cms.GraphQL.Schema;

/// <summary>A part of an item, by the key it has in the item's JSON (e.g. <c>TitlePart</c>, <c>Article</c>).</summary>
internal sealed record PartSource(ContentNode Node, string PartKey)
{
    public JsonObject? Part => Node.Item.Part(PartKey);

    public JsonObject? Field(string fieldName) => Part?[fieldName] as JsonObject;
}
