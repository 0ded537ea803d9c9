using System.Net.Http.Json;
using System.Text.Json;
using Cms.Testing;
using Cms.Web.Setup;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests;

/// <summary>
/// <c>recipe run</c> is another process: what it changes in the database (a role's permissions, published content)
/// reaches the running host's caches (permissions, GraphQL responses, the items pickers point at) without a restart.
/// SQLite and PostgreSQL.
/// </summary>
public abstract class SharedStateTests
{
    private const string Recipe = """
        {
          "name": "Revoke and add",
          "steps": [
            { "name": "Roles", "Roles": [ { "Name": "Anonymous", "Permissions": ["View_Article"], "PermissionBehavior": "Remove" } ] },
            {
              "name": "Content",
              "Data": [
                {
                  "ContentItemId": "sec-sport",
                  "ContentType": "Section",
                  "Published": true,
                  "TitlePart": { "Title": "Sport" },
                  "AutoroutePart": { "Path": "sport" },
                  "Section": { "Description": { "Text": "Matches and results." }, "MenuOrder": { "Value": 20 } }
                }
              ]
            }
          ]
        }
        """;

    protected abstract Task<(CmsWebApplicationFactory Site, string[] HostArgs)> StartAsync();

    [SkippableFact]
    public async Task A_recipe_run_by_another_process_reaches_the_running_hosts_permission_and_response_caches()
    {
        var (site, hostArgs) = await StartAsync();
        using var running = site;
        var http = site.CreateClient();
        const string Articles = "{ article(first: 1) { contentItemId } }";
        const string Sport = "{ section(where: { contentItemId: \"sec-sport\" }) { displayText } }";
        var articles = await QueryAsync(http, Articles);
        var sport = await QueryAsync(http, Sport);
        Assert.False(articles.TryGetProperty("errors", out _), articles.ToString());
        Assert.Equal(0, sport.GetProperty("data").GetProperty("section").GetArrayLength());
        Assert.Equal(articles.ToString(), (await QueryAsync(http, Articles)).ToString());

        var file = Path.Combine(site.DataDirectory, "revoke.recipe.json");
        await File.WriteAllTextAsync(file, Recipe);
        Assert.True(RecipeCommand.TryParse(["recipe", "run", file, .. hostArgs], out var invocation));
        Assert.Equal(0, await RecipeCommand.RunAsync(invocation));

        // The host checks the database every 200 ms in this test; give it a few seconds on a busy machine.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        JsonElement deniedArticles, newSport;
        do
        {
            await Task.Delay(100);
            deniedArticles = await QueryAsync(http, Articles);
            newSport = await QueryAsync(http, Sport);
        }
        while (DateTime.UtcNow < deadline && !(deniedArticles.TryGetProperty("errors", out _) && newSport.GetProperty("data").GetProperty("section").GetArrayLength() == 1));

        Assert.Equal("ACCESS_DENIED", deniedArticles.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("Sport", newSport.GetProperty("data").GetProperty("section")[0].GetProperty("displayText").GetString());
    }

    [SkippableFact]
    public async Task A_section_renamed_by_another_process_shows_in_the_pickers_of_the_running_hosts_articles()
    {
        var (site, hostArgs) = await StartAsync();
        using var running = site;
        var http = site.CreateClient();
        const string Articles = "{ article(where: { contentItemId: \"art-picker\" }) { section { contentItems { displayText } } } }";
        await RunElsewhereAsync(site, hostArgs, Section("Picked"), new
        {
            ContentItemId = "author-picked",
            ContentType = "Author",
            Published = true,
            TitlePart = new { Title = "A reporter" },
            AutoroutePart = new { Path = "authors/a-reporter" },
        }, new
        {
            ContentItemId = "art-picker",
            ContentType = "Article",
            Published = true,
            TitlePart = new { Title = "An article and its section" },
            AutoroutePart = new { Path = "articles/an-article-and-its-section" },
            Article = new { Section = new { ContentItemIds = new[] { "sec-picked" } }, Authors = new { ContentItemIds = new[] { "author-picked" } } },
        });
        var before = await WaitForSectionNameAsync(http, Articles, "Picked");

        await RunElsewhereAsync(site, hostArgs, Section("Renamed elsewhere"));
        var after = await WaitForSectionNameAsync(http, Articles, "Renamed elsewhere");

        Assert.Equal("Picked", before);
        Assert.Equal("Renamed elsewhere", after);
    }

    protected static CmsWebApplicationFactory Site() =>
        new CmsWebApplicationFactory().WithSetting("Cms:Database:SharedStateCheckInterval", "00:00:00.2");

    private static object Section(string title) => new
    {
        ContentItemId = "sec-picked",
        ContentType = "Section",
        Published = true,
        TitlePart = new { Title = title },
        AutoroutePart = new { Path = "picked" },
    };

    private static async Task RunElsewhereAsync(CmsWebApplicationFactory site, string[] hostArgs, params object[] items)
    {
        var file = Path.Combine(site.DataDirectory, $"items-{Guid.NewGuid():N}.recipe.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new { name = "Items", steps = new object[] { new { name = "Content", Data = items } } }));
        Assert.True(RecipeCommand.TryParse(["recipe", "run", file, .. hostArgs], out var invocation));
        Assert.Equal(0, await RecipeCommand.RunAsync(invocation));
    }

    /// <summary>The name of the article's section once it is <paramref name="expected"/>, or after a few seconds whatever it is.</summary>
    private static async Task<string?> WaitForSectionNameAsync(HttpClient http, string query, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string? name;
        do
        {
            var articles = (await QueryAsync(http, query)).GetProperty("data").GetProperty("article");
            name = articles.GetArrayLength() == 0 ? null
                : articles[0].GetProperty("section").GetProperty("contentItems").EnumerateArray().Select(s => s.GetProperty("displayText").GetString()).FirstOrDefault();
            if (name == expected)
            {
                return name;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        return name;
    }

    private static async Task<JsonElement> QueryAsync(HttpClient http, string query)
    {
        var response = await http.PostAsJsonAsync("/api/graphql", new { query });
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}

/// <summary><see cref="SharedStateTests"/> on SQLite.</summary>
[Collection(nameof(SerialCollection))]
public sealed class SqliteSharedStateTests : SharedStateTests
{
    protected override Task<(CmsWebApplicationFactory Site, string[] HostArgs)> StartAsync()
    {
        var site = Site();
        return Task.FromResult((site, new[] { $"--Cms:DataDirectory={site.DataDirectory}" }));
    }
}

/// <summary><see cref="SharedStateTests"/> on PostgreSQL.</summary>
[Collection(nameof(SerialCollection))]
public sealed class PostgresSharedStateTests : SharedStateTests, IAsyncDisposable
{
    private PostgresTestDatabase? _database;

    protected override async Task<(CmsWebApplicationFactory Site, string[] HostArgs)> StartAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        var site = Site().WithPostgres(_database.ConnectionString);
        return (site, [$"--Cms:DataDirectory={site.DataDirectory}", "--Cms:Database:Provider=Postgres", $"--ConnectionStrings:Cms={_database.ConnectionString}"]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
