using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Recipes.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Cms.Recipes.Tests.Support.TestRecipes;

namespace Cms.Recipes.Tests;

public sealed class MediaStepTests : RecipeTestBase
{
    private static string PhotoSource => Path.Combine(ShippedRecipes, "media", "authors", "author-01.jpg");

    [Fact]
    public async Task Images_are_copied_into_the_media_library_when_the_recipe_commits()
    {
        Directory.CreateDirectory(Path.Combine(RecipeFolder, "media"));
        File.Copy(PhotoSource, Path.Combine(RecipeFolder, "media", "portrait.jpg"));
        var article = Article("article-1", "With a cover");
        article["Article"]!["CoverImage"] = new JsonObject { ["Paths"] = new JsonArray("covers/portrait.jpg"), ["MediaTexts"] = new JsonArray("A portrait") };

        await RunAsync(Recipe(
            MediaStep(
                new JsonObject { ["TargetPath"] = "covers/portrait.jpg", ["SourcePath"] = "media/portrait.jpg" },
                new JsonObject { ["TargetPath"] = "icons/dot.png", ["Base64"] = TinyPngBase64 }),
            Definitions(),
            Content(Section("sec-news", "News"), article)));

        // Stored as checked and re-written by the library (upright, metadata stripped): same pixels size, same format.
        using var source = SixLabors.ImageSharp.Image.Load(PhotoSource);
        using var portrait = SixLabors.ImageSharp.Image.Load(Path.Combine(MediaRoot, "covers", "portrait.jpg"));
        using var dot = SixLabors.ImageSharp.Image.Load(Path.Combine(MediaRoot, "icons", "dot.png"));
        Assert.Equal((source.Width, source.Height), (portrait.Width, portrait.Height));
        Assert.Equal((1, 1), (dot.Width, dot.Height));
        var records = await InScopeAsync(sp => sp.GetRequiredService<Cms.Media.Library.MediaLibrary>().ListAsync(new Cms.Media.Library.MediaQuery { Sort = Cms.Media.Library.MediaSort.Name }));
        Assert.Equal(["icons/dot.png", "covers/portrait.jpg"], records.Items.Select(i => i.Path));
        Assert.Equal("covers/portrait.jpg", (await GetAsync("article-1"))!.Part("Article")!["CoverImage"]!["Paths"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task No_file_is_written_when_a_later_step_fails()
    {
        var error = await FailsWithoutChangesAsync(Recipe(
            MediaStep(new JsonObject { ["TargetPath"] = "icons/dot.png", ["Base64"] = TinyPngBase64 }),
            new JsonObject { ["name"] = "Content", ["Data"] = new JsonArray(new JsonObject { ["ContentItemId"] = "x", ["ContentType"] = "Nope" }) }));

        Assert.Equal(1, error.StepIndex);
        Assert.False(File.Exists(Path.Combine(MediaRoot, "icons", "dot.png")));
    }

    [Theory]
    [InlineData("file")]
    [InlineData("folder")]
    public async Task A_source_that_is_a_symbolic_link_to_a_file_outside_the_recipe_folder_is_refused(string link)
    {
        var outside = Path.Combine(Path.GetTempPath(), "cms-outside-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        try
        {
            File.Copy(PhotoSource, Path.Combine(outside, "secret.jpg"));
            var source = link == "file" ? "linked.jpg" : "linked/secret.jpg";
            if (link == "file")
            {
                File.CreateSymbolicLink(Path.Combine(RecipeFolder, "linked.jpg"), Path.Combine(outside, "secret.jpg"));
            }
            else
            {
                Directory.CreateSymbolicLink(Path.Combine(RecipeFolder, "linked"), outside);
            }

            var error = await FailsWithoutChangesAsync(Recipe(MediaStep(new JsonObject { ["TargetPath"] = "covers/secret.jpg", ["SourcePath"] = source })));

            Assert.Equal("$.steps[0].Files[0].SourcePath", error.JsonPath);
            Assert.Contains("leaves the recipe's folder", error.Problem, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(MediaRoot, "covers", "secret.jpg")));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task A_symbolic_link_that_stays_inside_the_recipe_folder_is_followed()
    {
        Directory.CreateDirectory(Path.Combine(RecipeFolder, "media"));
        File.Copy(PhotoSource, Path.Combine(RecipeFolder, "media", "portrait.jpg"));
        File.CreateSymbolicLink(Path.Combine(RecipeFolder, "alias.jpg"), Path.Combine("media", "portrait.jpg"));

        await RunAsync(Recipe(MediaStep(new JsonObject { ["TargetPath"] = "covers/alias.jpg", ["SourcePath"] = "alias.jpg" })));

        // The file behind the link is stored (re-encoded without its metadata, as every image is).
        var stored = SixLabors.ImageSharp.Image.Identify(Path.Combine(MediaRoot, "covers", "alias.jpg"));
        var source = SixLabors.ImageSharp.Image.Identify(PhotoSource);
        Assert.Equal((source.Width, source.Height), (stored.Width, stored.Height));
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused()
    {
        await File.WriteAllTextAsync(Path.Combine(RecipeFolder, "photo.jpg"), "<html><script>alert(1)</script></html>");

        var error = await FailsWithoutChangesAsync(Recipe(MediaStep(new JsonObject { ["TargetPath"] = "covers/photo.jpg", ["SourcePath"] = "photo.jpg" })));

        Assert.Equal(0, error.StepIndex);
        Assert.Equal("$.steps[0].Files[0]", error.JsonPath);
        Assert.Contains("is not a JPEG, PNG, GIF or WebP image", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_whose_name_lies_about_its_format_is_refused()
    {
        var error = await FailsWithoutChangesAsync(Recipe(MediaStep(new JsonObject { ["TargetPath"] = "covers/photo.jpg", ["Base64"] = TinyPngBase64 })));

        Assert.Equal("$.steps[0].Files[0]", error.JsonPath);
    }

    [Theory]
    [InlineData("../outside.jpg")]
    [InlineData("media/../../outside.jpg")]
    [InlineData("/etc/passwd")]
    public async Task A_source_outside_the_recipe_folder_is_refused(string source)
    {
        File.Copy(PhotoSource, Path.Combine(RecipeFolder, "..", "outside.jpg"));

        var error = await FailsWithoutChangesAsync(Recipe(MediaStep(new JsonObject { ["TargetPath"] = "covers/outside.jpg", ["SourcePath"] = source })));

        Assert.Equal("$.steps[0].Files[0].SourcePath", error.JsonPath);
        Assert.Contains(source.StartsWith('/') ? "is an absolute path" : "leaves the recipe's folder", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../keys/photo.jpg")]
    [InlineData("/tmp/photo.jpg")]
    [InlineData("covers\\..\\..\\photo.jpg")]
    public async Task A_target_outside_the_media_library_is_refused(string target)
    {
        var error = await FailsWithoutChangesAsync(Recipe(MediaStep(new JsonObject { ["TargetPath"] = target, ["Base64"] = TinyPngBase64 })));

        Assert.Equal("$.steps[0].Files[0].TargetPath", error.JsonPath);
    }

    [Fact]
    public async Task A_missing_source_file_is_named()
    {
        var error = await FailsWithoutChangesAsync(Recipe(MediaStep(new JsonObject { ["TargetPath"] = "covers/a.jpg", ["SourcePath"] = "media/missing.jpg" })));

        Assert.Contains("'media/missing.jpg' does not exist", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_base64_is_named()
    {
        var error = await FailsWithoutChangesAsync(Recipe(MediaStep(new JsonObject { ["TargetPath"] = "covers/a.png", ["Base64"] = "not base64!" })));

        Assert.Equal("$.steps[0].Files[0].Base64", error.JsonPath);
    }
}
