using System.Text.Json.Nodes;

namespace Cms.Recipes;

/// <summary>One element of a step's items array (scripts evaluated), with its index and JSON path (e.g. <c>$.steps[2].Data[7]</c>).</summary>
public sealed record RecipeItem(int Index, string Path, JsonNode? Json);
