using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Storage;
using Cms.Data.Entities;
using Cms.Recipes;
using Cms.Recipes.Export;
using Cms.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests;

/// <summary>
/// Whole-site export and import: the sample newsroom exported, applied to a fresh instance with the ordinary recipe
/// steps, answers the newsroom's GraphQL queries with the same bytes; drafts, owners, media texts and API clients
/// (with a new secret) come along; paths that leave the recipe folder are refused and change nothing.
/// </summary>
public sealed class SiteExportTests : IDisposable
{
    // The same derivative signing key on both sites, as on every node of one site: crop URLs carry its signature.
    private static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static readonly (string Name, string Query, JsonObject? Variables)[] NewsroomQueries =
    [
        ("front page", "{ article(first: 20, orderBy: { publishedUtc: DESC }) { contentItemId displayText publishedUtc lead readingMinutes autoroutePart { path } coverImage { files { url mediaText width height focalPoint { x y } caption credit card: crop(profile: CARD) { url width height } srcset(profile: HERO) } } section { contentItems { ... on Section { displayText autoroutePart { path } } } } authors { contentItems { displayText } } } }", null),
        ("article by path", "query Article($path: String!) { article(first: 1, where: { autoroutePart: { path: $path } }) { contentItemId displayText publishedUtc createdUtc modifiedUtc lead readingMinutes htmlBodyPart { html } tags coverImage { files { url mediaText width height focalPoint { x y } caption credit hero: crop(profile: HERO) { url width height } srcset(profile: HERO) social: crop(profile: SOCIAL) { url } } } section { contentItems { ... on Section { displayText autoroutePart { path } } } } authors { contentItems { ... on Author { displayText roleLine bio { html } photo { files { mediaText crop(profile: RAIL) { url width height } } } } } } related(first: 4) { displayText autoroutePart { path } coverImage { files { mediaText crop(profile: CARD) { url width height } } } } } }",
            new JsonObject { ["path"] = "articles/parliament-approves-revised-budget-with-more-money-for-rural-water-networks" }),
        ("sections", "{ section(first: 50, orderBy: { displayText: ASC }) { contentItemId displayText description autoroutePart { path } } }", null),
        ("authors", "{ author(first: 50, orderBy: { displayText: ASC }) { contentItemId displayText roleLine bio { html } photo { urls files { url crop(profile: RAIL) { url } } } website { url text } } }", null),
        ("author page", "query Author($author: ID!) { author(where: { contentItemId: $author }) { displayText roleLine } article(where: { authors: { contentItemId: $author } }, orderBy: { publishedUtc: DESC }, first: 10) { displayText publishedUtc autoroutePart { path } } }",
            new JsonObject { ["author"] = "author-02" }),
        ("section page", "query Section($section: ID!) { articlePage(where: { section: { contentItemId: $section } }, orderBy: { publishedUtc: DESC }, first: 20) { totalCount items { displayText lead autoroutePart { path } coverImage { urls anchors { x y } } } } }",
            new JsonObject { ["section"] = "sec-news" }),
    ];

    private readonly string _work = Path.Combine(Path.GetTempPath(), "cms-export-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Fact]
    public Task The_sample_newsroom_exported_and_imported_answers_the_newsroom_queries_byte_for_byte_on_SQLite() =>
        RoundTripAsync(source: new CmsWebApplicationFactory(), target: new CmsWebApplicationFactory());

    [SkippableFact]
    public async Task The_sample_newsroom_exported_and_imported_answers_the_newsroom_queries_byte_for_byte_on_PostgreSQL()
    {
        TestEnvironment.RequirePostgres();
        await using var sourceDb = await PostgresTestDatabase.CreateAsync();
        await using var targetDb = await PostgresTestDatabase.CreateAsync();
        await RoundTripAsync(
            source: new CmsWebApplicationFactory().WithPostgres(sourceDb.ConnectionString),
            target: new CmsWebApplicationFactory().WithPostgres(targetDb.ConnectionString));
    }

    [Fact]
    public async Task Media_paths_that_leave_the_recipe_folder_are_refused_and_change_nothing()
    {
        using var site = new CmsWebApplicationFactory().WithSetting("Cms:Media:SigningKey", SigningKey);
        site.CreateClient().Dispose();
        var outside = Path.Combine(_work, "outside");
        var folder = Path.Combine(_work, "recipe");
        Directory.CreateDirectory(outside);
        Directory.CreateDirectory(folder);
        var picture = await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot(), "recipes", "media", "covers", "cover-01.jpg"));
        await File.WriteAllBytesAsync(Path.Combine(outside, "secret.jpg"), picture);
        Directory.CreateSymbolicLink(Path.Combine(folder, "linked"), outside);
        File.CreateSymbolicLink(Path.Combine(folder, "linked-file.jpg"), Path.Combine(outside, "secret.jpg"));

        foreach (var (source, expected) in new[]
        {
            ("../outside/secret.jpg", "leaves the recipe's folder"),
            (Path.Combine(outside, "secret.jpg"), "is an absolute path"),
            ("linked/secret.jpg", "leaves the recipe's folder"),
            ("linked-file.jpg", "leaves the recipe's folder"),
            ("media/../../outside/secret.jpg", "leaves the recipe's folder"),
        })
        {
            var recipe = new JsonObject
            {
                ["name"] = "escape",
                ["steps"] = new JsonArray(
                    new JsonObject { ["name"] = "Settings", ["SiteName"] = "Changed by a refused recipe" },
                    new JsonObject { ["name"] = "Media", ["Files"] = new JsonArray(new JsonObject { ["TargetPath"] = "stolen/secret.jpg", ["SourcePath"] = source }) }),
            };
            var file = Path.Combine(folder, "escape.recipe.json");
            await File.WriteAllTextAsync(file, recipe.ToJsonString());

            await using var scope = site.Services.CreateAsyncScope();
            var error = await Assert.ThrowsAsync<RecipeException>(() => scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteFileAsync(file, new RecipeParameters(), null));
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
            Assert.Contains("SourcePath", error.Message, StringComparison.Ordinal);
        }

        await using var check = site.Services.CreateAsyncScope();
        var settings = await check.ServiceProvider.GetRequiredService<Cms.Core.Settings.ISiteSettingsService>().GetAsync();
        Assert.NotEqual("Changed by a refused recipe", settings.SiteName);
        Assert.False(await check.ServiceProvider.GetRequiredService<Cms.Core.Media.IMediaFileStore>().ExistsAsync("stolen/secret.jpg"));
        Assert.False(Directory.Exists(Path.Combine(site.DataDirectory, "Media", "stolen")));
    }

    [Fact]
    public async Task An_export_goes_only_into_an_empty_folder()
    {
        using var site = new CmsWebApplicationFactory();
        site.CreateClient().Dispose();
        Directory.CreateDirectory(_work);
        await File.WriteAllTextAsync(Path.Combine(_work, "keep.txt"), "someone's file");

        await using var scope = site.Services.CreateAsyncScope();
        var error = await Assert.ThrowsAsync<RecipeExportException>(() => scope.ServiceProvider.GetRequiredService<SiteExporter>().ExportAsync(_work));
        Assert.Contains("is not empty", error.Message, StringComparison.Ordinal);
        Assert.Equal(["keep.txt"], Directory.GetFiles(_work).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_admin_export_downloads_the_recipe_folder_as_a_zip_for_holders_of_ExportSite_only()
    {
        using var site = new CmsWebApplicationFactory();
        site.CreateClient().Dispose();
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
            var editor = new CmsUser { UserName = "night-editor", Email = "night-editor@example.com", EmailConfirmed = true };
            Assert.True((await users.CreateAsync(editor, "Night-Editor-Password-1")).Succeeded);
            Assert.True((await users.AddToRoleAsync(editor, "Editor")).Succeeded);
        }

        // An editor (no ExportSite) gets no export, by the page or by posting to it.
        var editorSession = await SignInAsync(site, "night-editor", "Night-Editor-Password-1");
        using (var page = await editorSession.SendAsync(HttpMethod.Get, "/admin/export"))
        {
            Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        }

        using (var post = await editorSession.SubmitFormAsync("/admin", "/admin/export"))
        {
            Assert.NotEqual("application/zip", post.Content.Headers.ContentType?.MediaType);
        }

        var admin = await SignInAsync(site, CmsWebApplicationFactory.AdminUserName, CmsWebApplicationFactory.AdminPassword);
        using var download = await admin.SubmitFormAsync("/admin/export", "/admin/export");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        using var zip = new System.IO.Compression.ZipArchive(await download.Content.ReadAsStreamAsync());
        var entry = zip.GetEntry(SiteExporter.RecipeFileName);
        Assert.NotNull(entry);
        using var reader = new StreamReader(entry.Open());
        var recipe = JsonNode.Parse(await reader.ReadToEndAsync())!;
        var steps = recipe["steps"]!.AsArray().Select(s => (string)s!["name"]!).ToList();
        Assert.Equal(["Settings", "ContentDefinition", "Workflow", "Roles", "MediaProfiles", "Media", "Content"], steps);
    }

    private static async Task<CookieSession> SignInAsync(CmsWebApplicationFactory site, string userName, string password)
    {
        var session = new CookieSession(site);
        var login = await session.SubmitFormAsync("/admin/login", "/admin/login", new()
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return session;
    }

    private async Task RoundTripAsync(CmsWebApplicationFactory source, CmsWebApplicationFactory target)
    {
        using (source)
        using (target)
        {
            source.WithSampleContent().WithSetting("Cms:Media:SigningKey", SigningKey);
            target.WithSetting("Cms:Media:SigningKey", SigningKey);
            using var sourceHttp = source.CreateClient();
            using var targetHttp = target.CreateClient();

            // Beyond the sample: an API client and a draft over a published article.
            JsonObject draft;
            await using (var scope = source.Services.CreateAsyncScope())
            {
                var live = await scope.ServiceProvider.GetRequiredService<IContentStore>().GetAsync("article-001", VersionOptions.Published);
                draft = ContentItemJson.ToJson(live!);
                draft["Published"] = false;
                draft["TitlePart"] = new JsonObject { ["Title"] = "Draft headline not yet published" };
            }

            await RunRecipeAsync(source, new JsonObject
            {
                ["name"] = "extras",
                ["steps"] = new JsonArray(
                    new JsonObject
                    {
                        ["name"] = "OpenIdApplication",
                        ["ClientId"] = "news-site",
                        ["DisplayName"] = "News website",
                        ["Type"] = "Confidential",
                        ["ClientSecret"] = "old-secret-not-exported",
                        ["AllowClientCredentialsFlow"] = true,
                        ["RoleEntries"] = new JsonArray(new JsonObject { ["Name"] = "Editor" }),
                    },
                    new JsonObject
                    {
                        ["name"] = "Content",
                        ["Data"] = new JsonArray(draft),
                    }),
            });
            var sourceAnswers = await AskAllAsync(sourceHttp);

            var folder = Path.Combine(_work, "export");
            RecipeExportResult exported;
            await using (var scope = source.Services.CreateAsyncScope())
            {
                exported = await scope.ServiceProvider.GetRequiredService<SiteExporter>().ExportAsync(folder);
            }

            Assert.True(exported.Files >= 20, $"{exported.Files} media files");
            var recipeText = await File.ReadAllTextAsync(exported.RecipeFile);
            Assert.DoesNotContain("old-secret-not-exported", recipeText, StringComparison.Ordinal);
            Assert.Contains("[js: parameters('ClientSecret_news-site')]", recipeText, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "media", "covers", "cover-01.jpg")));

            // Without the client's new secret, the import stops and changes nothing.
            var parameters = await ImportParametersAsync(target);
            await using (var scope = target.Services.CreateAsyncScope())
            {
                var refused = await Assert.ThrowsAsync<RecipeException>(() => scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteFileAsync(exported.RecipeFile, parameters, null));
                Assert.Contains("ClientSecret_news-site", refused.Message, StringComparison.Ordinal);
                Assert.Null(await scope.ServiceProvider.GetRequiredService<IContentStore>().GetAsync("article-001", VersionOptions.Latest));
            }

            parameters["ClientSecret_news-site"] = "new-secret-for-the-copy";
            await using (var scope = target.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteFileAsync(exported.RecipeFile, parameters, null);
            }

            var targetAnswers = await AskAllAsync(targetHttp);
            foreach (var ((name, _, _), i) in NewsroomQueries.Select((q, i) => (q, i)))
            {
                Assert.DoesNotContain("\"errors\"", sourceAnswers[i], StringComparison.Ordinal);
                Assert.True(sourceAnswers[i] == targetAnswers[i], $"The {name} query answers differently after the import.\n{FirstDifference(sourceAnswers[i], targetAnswers[i])}");
            }

            Assert.Contains("/media/covers/", sourceAnswers[0], StringComparison.Ordinal);
            Assert.Contains("token=", sourceAnswers[1], StringComparison.Ordinal);

            // The draft came along on top of the published version; the owner is the admin by name.
            await using (var scope = target.Services.CreateAsyncScope())
            {
                var store = scope.ServiceProvider.GetRequiredService<IContentStore>();
                var latest = await store.GetAsync("article-001", VersionOptions.Latest);
                var published = await store.GetAsync("article-001", VersionOptions.Published);
                Assert.Equal("Draft headline not yet published", latest!.DisplayText);
                Assert.False(latest.Published);
                Assert.NotEqual(latest.DisplayText, published!.DisplayText);
                var admin = await scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(CmsWebApplicationFactory.AdminUserName);
                Assert.Equal(admin!.Id, published.Owner);
            }

            // The client signs in with its new secret.
            using var token = await targetHttp.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = "news-site",
                ["client_secret"] = "new-secret-for-the-copy",
                ["scope"] = "cms_api",
            }));
            Assert.True(token.IsSuccessStatusCode, await token.Content.ReadAsStringAsync());
        }
    }

    private static async Task<List<string>> AskAllAsync(HttpClient http)
    {
        var answers = new List<string>();
        foreach (var (_, query, variables) in NewsroomQueries)
        {
            using var response = await http.PostAsJsonAsync("/api/graphql", new JsonObject { ["query"] = query, ["variables"] = variables?.DeepClone() });
            answers.Add(await response.Content.ReadAsStringAsync());
        }

        return answers;
    }

    private static string FirstDifference(string source, string target)
    {
        var at = 0;
        while (at < source.Length && at < target.Length && source[at] == target[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 300);
        return $"at {at}:\nsource: …{source[from..Math.Min(source.Length, at + 200)]}\ntarget: …{target[from..Math.Min(target.Length, at + 200)]}";
    }

    private static async Task<RecipeParameters> ImportParametersAsync(CmsWebApplicationFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(CmsWebApplicationFactory.AdminUserName);
        return new RecipeParameters { ["AdminUserId"] = admin!.Id, ["AdminUsername"] = admin.UserName! };
    }

    private static async Task RunRecipeAsync(CmsWebApplicationFactory site, JsonObject recipe)
    {
        await using var scope = site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe.ToJsonString(), site.DataDirectory, new RecipeParameters());
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Cms.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
