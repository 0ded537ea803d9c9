using Cms.Core.Content;
using Cms.Media.Library;
using Cms.Recipes;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Cms.E2E;

/// <summary>What the editor tests start from: the test recipe (a type with a field of every kind, sections, authors, a picture desk role), images, articles.</summary>
public static class EditorSeed
{
    public static string RecipePath => Path.Combine(AppContext.BaseDirectory, "Recipes", "editor-test.recipe.json");

    /// <summary>Applies the test recipe (again: it is idempotent) as the system.</summary>
    public static async Task ApplyRecipeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteFileAsync(RecipePath, new RecipeParameters());
    }

    /// <summary>A small JPEG in the media library, with its alt text.</summary>
    public static async Task<MediaItem> UploadImageAsync(IServiceProvider services, string fileName, string altText)
    {
        await using var scope = services.CreateAsyncScope();
        using var stream = new MemoryStream(Jpeg(320, 200));
        return await scope.ServiceProvider.GetRequiredService<MediaLibrary>()
            .UploadAsync(new MediaUpload(stream, fileName) { AltText = altText, Folder = "tests" }, "system");
    }

    /// <summary>A JPEG of a colour gradient (something for the crop and thumbnail code to chew on).</summary>
    public static byte[] Jpeg(int width, int height)
    {
        using var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = new Rgb24((byte)(x * 255 / width), (byte)(y * 255 / height), 120);
            }
        }

        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return output.ToArray();
    }

    /// <summary>A draft article written by the system (sections and authors from the test recipe).</summary>
    public static async Task<ContentItem> ArticleAsync(IServiceProvider services, string title, string body)
    {
        await using var scope = services.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        return await content.CreateAsync(new ContentItem
        {
            ContentType = "Article",
            DisplayText = title,
            Content = new System.Text.Json.Nodes.JsonObject
            {
                ["TitlePart"] = new System.Text.Json.Nodes.JsonObject { ["Title"] = title },
                ["HtmlBodyPart"] = new System.Text.Json.Nodes.JsonObject { ["Html"] = body },
                ["Article"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["Lead"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = "A standfirst for " + title },
                    ["Section"] = new System.Text.Json.Nodes.JsonObject { ["ContentItemIds"] = new System.Text.Json.Nodes.JsonArray("sec-economy") },
                    ["Authors"] = new System.Text.Json.Nodes.JsonObject { ["ContentItemIds"] = new System.Text.Json.Nodes.JsonArray("author-lale") },
                },
            },
        }, publish: false);
    }

    /// <summary>The latest version as the system reads it.</summary>
    public static async Task<ContentItem> LatestAsync(IServiceProvider services, string id)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Latest)
            ?? throw new InvalidOperationException($"No item {id}.");
    }
}
