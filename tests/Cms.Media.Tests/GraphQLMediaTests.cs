using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Media.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Cms.Media.Tests;

public sealed class GraphQLMediaTests : MediaHost
{
    [Fact]
    public async Task The_profile_enum_is_generated_from_the_media_profiles()
    {
        var data = await QueryAsync("{ __type(name: \"MediaProfile\") { enumValues { name } } }");

        Assert.Equal(["CARD", "HERO", "RAIL", "SOCIAL"], data["__type"]!["enumValues"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Media_fields_give_sizes_focal_point_texts_and_signed_crops()
    {
        var photo = await UploadAsync(CraftedImages.PhotoWithGreenSquare(), "green.jpg", folder: "covers");
        await PatchAsync(photo.Id, new { focalPoint = new { x = 0.2, y = 0.3 } });
        var recipe = LibraryTests.ArticleRecipe("art-gql", "Cropped cover", photo.Path);
        // The article's own card crop: a 16:9 rectangle around the green square.
        var cover = recipe["steps"]![0]!["Data"]![1]!["Article"]!["CoverImage"]!.AsObject();
        cover["Crops"] = new JsonArray(new JsonObject { ["card"] = new JsonObject { ["X"] = 700 / 1200.0, ["Y"] = 87.5 / 800, ["Width"] = 400 / 1200.0, ["Height"] = 225 / 800.0 } });
        await RunRecipeAsync(recipe);

        var data = await QueryAsync("""
            { article(where: { contentItemId: "art-gql" }) { coverImage { files {
                url mediaText width height focalPoint { x y } caption credit
                crop(profile: CARD) { url width height }
                rail: crop(profile: RAIL) { url width height }
                srcset(profile: CARD) } } } }
            """);

        var file = data["article"]![0]!["coverImage"]!["files"]![0]!;
        Assert.Equal("http://localhost/media/covers/green.jpg", file["url"]!.GetValue<string>());
        Assert.Equal(("Alt of the cover", "Caption of the cover", "Credit of the cover"), (file["mediaText"]!.GetValue<string>(), file["caption"]!.GetValue<string>(), file["credit"]!.GetValue<string>()));
        Assert.Equal((1200, 800), (file["width"]!.GetValue<int>(), file["height"]!.GetValue<int>()));
        Assert.Equal((0.2, 0.3), (file["focalPoint"]!["x"]!.GetValue<double>(), file["focalPoint"]!["y"]!.GetValue<double>()));
        Assert.Equal((640, 360), (file["crop"]!["width"]!.GetValue<int>(), file["crop"]!["height"]!.GetValue<int>()));
        Assert.Equal((160, 160), (file["rail"]!["width"]!.GetValue<int>(), file["rail"]!["height"]!.GetValue<int>()));
        var srcset = file["srcset"]!.GetValue<string>().Split(", ");
        Assert.Equal(["320w", "640w"], srcset.Select(s => s.Split(' ')[1]));

        using var card = await Http.GetAsync(file["crop"]!["url"]!.GetValue<string>());
        Assert.True(card.IsSuccessStatusCode, await card.Content.ReadAsStringAsync());
        using var image = Image.Load<Rgb24>(await card.Content.ReadAsByteArrayAsync());
        Assert.Equal((640, 360), (image.Width, image.Height));
        var centre = image[320, 180];
        Assert.True(centre.G > 150 && centre.R < 60, $"centre {centre}");
        foreach (var entry in srcset)
        {
            using var response = await Http.GetAsync(entry.Split(' ')[0]);
            Assert.True(response.IsSuccessStatusCode, entry);
        }
    }

    private async Task<JsonNode> QueryAsync(string query)
    {
        using var response = await Http.PostAsJsonAsync("/api/graphql", new { query });
        var text = await response.Content.ReadAsStringAsync();
        var json = JsonNode.Parse(text)!;
        Assert.True(json["errors"] is null, text);
        return json["data"]!;
    }
}
