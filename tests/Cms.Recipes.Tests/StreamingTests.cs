using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Queries;
using Cms.Recipes.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Cms.Recipes.Tests.Support.TestRecipes;

namespace Cms.Recipes.Tests;

/// <summary>Recipes are streamed: any size runs in bounded memory, and an error anywhere still changes nothing.</summary>
[Collection(nameof(MemoryMeasuringCollection))]
public sealed class StreamingTests : RecipeTestBase
{
    [Fact]
    public async Task A_large_recipe_file_imports_without_being_held_in_memory()
    {
        const int Items = 10_000;
        var file = Path.Combine(RecipeFolder, "archive.recipe.json");
        var fileBytes = WriteRecipe(file, Items, lastItem: null);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var peak = before;
        var reports = new List<RecipeProgress>();
        var progress = new SynchronousProgress(report =>
        {
            reports.Add(report);
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
        });

        var result = await InScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteFileAsync(file, Parameters, progress));

        Assert.Equal(Items + 1, result.Items);
        Assert.Equal(Items + 1, (await QueryAsync(new ContentQuery { ContentType = "Article", Take = 0 })).Total + 1);
        Assert.Equal("Archive note 9999", (await GetAsync(ItemId(Items - 1), VersionOptions.Published))!.DisplayText);
        Assert.Equal(Items + 1, reports[^1].Done);
        Assert.Equal(Items + 1, reports[^1].Total);

        // Loading the file whole would hold at least its text and a JSON tree of it for the whole run (more than the file).
        // Streamed, the run holds one item at a time; what it keeps until commit (the events to raise then, about 2 KB an
        // item whatever the item's size) stays well under the file.
        var grown = peak - before;
        Assert.True(grown < fileBytes / 2, $"The live heap grew by {grown / 1024 / 1024} MB during the import of a {fileBytes / 1024 / 1024} MB recipe.");
    }

    [Fact]
    public async Task An_error_in_the_last_item_of_a_long_recipe_changes_nothing()
    {
        const int Items = 300;
        var file = Path.Combine(RecipeFolder, "broken.recipe.json");
        WriteRecipe(file, Items, lastItem: new JsonObject
        {
            ["ContentItemId"] = "the-last-one",
            ["ContentType"] = "Article",
            ["TitlePart"] = new JsonObject { ["Title"] = "The last one" },
            ["Article"] = new JsonObject { ["Section"] = new JsonObject { ["ContentItemIds"] = new JsonArray("sec-news") }, ["Rank"] = new JsonObject { ["Value"] = "very high" } },
        });
        var before = await SnapshotAsync();

        var error = await Assert.ThrowsAsync<RecipeException>(() => RunFileAsync(file));

        Assert.Equal(1, error.StepIndex);
        Assert.StartsWith($"$.steps[1].Data[{Items + 1}].Article.Rank", error.JsonPath, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Null(await GetAsync(ItemId(0)));
    }

    [Fact]
    public async Task A_file_cut_off_at_the_end_is_refused_before_anything_is_written()
    {
        var file = Path.Combine(RecipeFolder, "cut.recipe.json");
        var length = WriteRecipe(file, 50, lastItem: null);
        await using (var stream = new FileStream(file, FileMode.Open))
        {
            stream.SetLength(length - 40);
        }

        var before = await SnapshotAsync();

        var error = await Assert.ThrowsAsync<RecipeException>(() => RunFileAsync(file));

        Assert.Contains("not valid JSON", error.Problem, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    private static string ItemId(int n) => $"note-{n:00000}";

    /// <summary>Definitions and a section, then a Content step of <paramref name="items"/> articles of about 8 KB each, written item by item.</summary>
    private static long WriteRecipe(string file, int items, JsonObject? lastItem)
    {
        var text = string.Join(' ', Enumerable.Repeat("The archive keeps every note the desk wrote.", 180));
        using var stream = File.Create(file);
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("name", "Archive");
            writer.WriteStartArray("steps");
            Definitions().WriteTo(writer);
            writer.WriteStartObject();
            writer.WriteString("name", "Content");
            writer.WriteStartArray("Data");
            Section("sec-news", "News").WriteTo(writer);
            for (var n = 0; n < items; n++)
            {
                new JsonObject
                {
                    ["ContentItemId"] = ItemId(n),
                    ["ContentType"] = "Article",
                    ["Published"] = true,
                    ["TitlePart"] = new JsonObject { ["Title"] = $"Archive note {n}" },
                    ["Article"] = new JsonObject
                    {
                        ["Lead"] = new JsonObject { ["Text"] = text },
                        ["Section"] = new JsonObject { ["ContentItemIds"] = new JsonArray("sec-news") },
                        ["Rank"] = new JsonObject { ["Value"] = n },
                    },
                }.WriteTo(writer);
            }

            lastItem?.WriteTo(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return stream.Length;
    }

    /// <summary>Reports on the caller's thread, at once (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<RecipeProgress> report) : IProgress<RecipeProgress>
    {
        public void Report(RecipeProgress value) => report(value);
    }
}
