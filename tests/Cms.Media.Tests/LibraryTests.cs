using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cms.Media.Library;
using Cms.Media.Tests.Support;

namespace Cms.Media.Tests;

public sealed class LibraryTests : MediaHost
{
    [Fact]
    public async Task Folders_search_sort_and_paging()
    {
        await UploadAsync(CraftedImages.Photo(50, 50), "harbour.jpg", folder: "covers", altText: "Boats in the harbour at dawn");
        await UploadAsync(CraftedImages.Photo(400, 300), "parliament.jpg", folder: "covers", caption: "The assembly votes on the budget");
        await UploadAsync(CraftedImages.Photo(60, 60), "portrait.jpg", folder: "authors");

        var covers = await GetJsonAsync<MediaPage>("/api/media?folder=covers&sort=Name");
        var byAlt = await GetJsonAsync<MediaPage>("/api/media?search=HARBOUR");
        var byCaption = await GetJsonAsync<MediaPage>("/api/media?search=budget");
        var largest = await GetJsonAsync<MediaPage>("/api/media?sort=Largest&take=1");
        // The oldest file is the site's logo from the setup recipe, then the two covers.
        var secondPage = await GetJsonAsync<MediaPage>("/api/media?sort=Oldest&skip=2&take=1");
        var folders = await GetJsonAsync<List<MediaFolder>>("/api/media/folders");

        Assert.Equal(["covers/harbour.jpg", "covers/parliament.jpg"], covers.Items.Select(i => i.Path));
        Assert.Equal(["covers/harbour.jpg"], byAlt.Items.Select(i => i.Path));
        Assert.Equal(["covers/parliament.jpg"], byCaption.Items.Select(i => i.Path));
        Assert.Equal((4, "covers/parliament.jpg"), (largest.TotalCount, largest.Items.Single().Path));
        Assert.Equal("covers/parliament.jpg", secondPage.Items.Single().Path);
        Assert.Equal([new MediaFolder("authors", 1), new MediaFolder("covers", 2), new MediaFolder("site", 1)], folders);
    }

    [Fact]
    public async Task A_search_with_wildcards_matches_them_literally()
    {
        await UploadAsync(CraftedImages.Photo(20, 20), "plain.jpg", folder: "wild");

        Assert.Equal(0, (await GetJsonAsync<MediaPage>("/api/media?search=%25")).TotalCount);
        Assert.Equal(0, (await GetJsonAsync<MediaPage>("/api/media?search=_")).TotalCount);
    }

    [Fact]
    public async Task Texts_focal_point_and_crops_are_updated_and_checked()
    {
        var item = await UploadAsync(CraftedImages.Photo(100, 100), "edit.jpg");

        var updated = await PatchAsync(item.Id, new { altText = "New alt", credit = "Photo: Desk", focalPoint = new { x = 0.25, y = 0.75 }, crops = new Dictionary<string, object> { ["card"] = new { x = 0.1, y = 0.2, width = 0.8, height = 0.45 } } });
        using var badCrop = await SendAsync(HttpMethod.Patch, $"/api/media/{item.Id}", content: System.Net.Http.Json.JsonContent.Create(new { crops = new Dictionary<string, object> { ["card"] = new { x = 0.5, y = 0, width = 0.8, height = 0.4 } } }));
        using var badFocal = await SendAsync(HttpMethod.Patch, $"/api/media/{item.Id}", content: System.Net.Http.Json.JsonContent.Create(new { focalPoint = new { x = 2, y = 0 } }));

        Assert.Equal(("New alt", "Photo: Desk", 0.25, 0.75), (updated.AltText, updated.Credit, updated.FocalPoint.X, updated.FocalPoint.Y));
        Assert.Equal(new Core.Media.CropRectangle(0.1, 0.2, 0.8, 0.45), updated.Crops["card"]);
        Assert.Equal(HttpStatusCode.BadRequest, badCrop.StatusCode);
        Assert.Contains("stay inside it", await badCrop.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badFocal.StatusCode);
        Assert.Equal(updated.Crops, (await GetJsonAsync<MediaItem>($"/api/media/{item.Id}")).Crops);
    }

    [Fact]
    public async Task Where_used_lists_the_article_saved_with_the_file_and_delete_follows_the_rules()
    {
        var used = await UploadAsync(CraftedImages.Photo(80, 60), "cover.jpg", folder: "covers");
        var unused = await UploadAsync(CraftedImages.Photo(80, 60), "spare.jpg", folder: "covers");
        await RunRecipeAsync(ArticleRecipe("art-media", "An article with a cover", used.Path));

        var usage = await GetJsonAsync<List<MediaUsage>>($"/api/media/{used.Id}/usage");
        using var refused = await SendAsync(HttpMethod.Delete, $"/api/media/{used.Id}");
        using var authorForce = await SendAsync(HttpMethod.Delete, $"/api/media/{used.Id}?force=true", "media-author");
        var stillThere = File.Exists(MediaFile(used.Path));
        using var unusedDelete = await SendAsync(HttpMethod.Delete, $"/api/media/{unused.Id}", "media-author");
        using var editorForce = await SendAsync(HttpMethod.Delete, $"/api/media/{used.Id}?force=true");

        var article = Assert.Single(usage);
        Assert.Equal(("art-media", "Article", "An article with a cover", "Article.CoverImage", true), (article.ContentItemId, article.ContentType, article.DisplayText, article.Field, article.Published));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("'An article with a cover'", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, authorForce.StatusCode);
        Assert.True(stillThere);
        Assert.Equal(HttpStatusCode.NoContent, unusedDelete.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, editorForce.StatusCode);
        Assert.False(File.Exists(MediaFile(used.Path)));
        using var gone = await SendAsync(HttpMethod.Get, $"/api/media/{used.Id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task With_ManageOwnMedia_a_contributor_browses_and_uploads_but_changes_and_deletes_only_their_own_files()
    {
        var editors = await UploadAsync(CraftedImages.Photo(80, 60), "desk-photo.jpg", folder: "desk");
        var own = await UploadAsync(CraftedImages.Photo(80, 60), "my-photo.jpg", folder: "desk", client: "media-contributor");

        var page = await GetJsonAsync<MediaPage>("/api/media?folder=desk", "media-contributor");
        using var changeOwn = await SendAsync(HttpMethod.Patch, $"/api/media/{own.Id}", "media-contributor", JsonContent.Create(new { altText = "Mine" }));
        using var changeOther = await SendAsync(HttpMethod.Patch, $"/api/media/{editors.Id}", "media-contributor", JsonContent.Create(new { altText = "Not mine" }));
        using var deleteOther = await SendAsync(HttpMethod.Delete, $"/api/media/{editors.Id}", "media-contributor");
        using var editorChanges = await SendAsync(HttpMethod.Patch, $"/api/media/{own.Id}", content: JsonContent.Create(new { caption = "Checked by the desk" }));
        using var deleteOwn = await SendAsync(HttpMethod.Delete, $"/api/media/{own.Id}", "media-contributor");

        Assert.Equal(2, page.TotalCount);
        Assert.Equal(HttpStatusCode.OK, changeOwn.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, changeOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deleteOther.StatusCode);
        Assert.Equal(HttpStatusCode.OK, editorChanges.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleteOwn.StatusCode);
        var kept = await GetJsonAsync<MediaItem>($"/api/media/{editors.Id}");
        Assert.Null(kept.AltText);
        Assert.True(File.Exists(MediaFile(editors.Path)));
        Assert.False(File.Exists(MediaFile(own.Path)));
    }

    [Fact]
    public async Task Recipe_media_get_records_and_keep_working()
    {
        var photo = CraftedImages.Photo(120, 90);
        var recipe = new JsonObject
        {
            ["name"] = "media",
            ["steps"] = new JsonArray(new JsonObject
            {
                ["name"] = "Media",
                ["Files"] = new JsonArray(new JsonObject { ["TargetPath"] = "recipe/photo.jpg", ["Base64"] = Convert.ToBase64String(photo) }),
            }),
        };

        await RunRecipeAsync(recipe);

        var item = Assert.Single((await GetJsonAsync<MediaPage>("/api/media?folder=recipe")).Items);
        Assert.Equal(("recipe/photo.jpg", 120, 90, "recipe"), (item.Path, item.Width, item.Height, item.CreatedBy));
        using var original = await Http.GetAsync("/media/recipe/photo.jpg");
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
    }

    internal static JsonObject ArticleRecipe(string id, string title, string coverPath)
    {
        var article = new JsonObject
        {
            ["ContentItemId"] = id,
            ["ContentType"] = "Article",
            ["DisplayText"] = title,
            ["Latest"] = true,
            ["Published"] = true,
            ["Owner"] = "admin",
            ["Author"] = "admin",
            ["CreatedUtc"] = "2026-03-01T08:00:00Z",
            ["ModifiedUtc"] = "2026-03-01T08:00:00Z",
            ["PublishedUtc"] = "2026-03-01T09:00:00Z",
            ["TitlePart"] = new JsonObject { ["Title"] = title },
            ["AutoroutePart"] = new JsonObject { ["Path"] = "articles/" + id },
            ["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>Body.</p>" },
            ["Article"] = new JsonObject
            {
                ["Lead"] = new JsonObject { ["Text"] = "Lead." },
                ["Section"] = new JsonObject { ["ContentItemIds"] = new JsonArray("sec-energy") },
                ["Authors"] = new JsonObject { ["ContentItemIds"] = new JsonArray("author-m1") },
                ["CoverImage"] = new JsonObject
                {
                    ["Paths"] = new JsonArray(coverPath),
                    ["MediaTexts"] = new JsonArray("Alt of the cover"),
                    ["Captions"] = new JsonArray("Caption of the cover"),
                    ["Credits"] = new JsonArray("Credit of the cover"),
                },
            },
        };
        var author = new JsonObject
        {
            ["ContentItemId"] = "author-m1",
            ["ContentType"] = "Author",
            ["DisplayText"] = "Media Author",
            ["Latest"] = true,
            ["Published"] = true,
            ["Owner"] = "admin",
            ["Author"] = "admin",
            ["CreatedUtc"] = "2026-02-01T08:00:00Z",
            ["ModifiedUtc"] = "2026-02-01T08:00:00Z",
            ["PublishedUtc"] = "2026-02-01T08:00:00Z",
            ["TitlePart"] = new JsonObject { ["Title"] = "Media Author" },
            ["AutoroutePart"] = new JsonObject { ["Path"] = "authors/author-m1" },
        };
        return new JsonObject
        {
            ["name"] = "article",
            ["steps"] = new JsonArray(new JsonObject { ["name"] = "Content", ["Data"] = new JsonArray(author, article) }),
        };
    }
}
