using System.Net;
using Cms.Media.Api;
using Cms.Media.Library;
using Cms.Media.Tests.Support;
using Cms.Testing;

namespace Cms.Media.Tests;

/// <summary>The library's queries on PostgreSQL: case-insensitive search, unique paths, where used, deletes, derivatives.</summary>
public sealed class PostgresMediaTests : IAsyncLifetime
{
    private PostgresTestDatabase? _database;
    private Host? _host;

    public async Task InitializeAsync()
    {
        if (TestEnvironment.PostgresServer is null && !TestEnvironment.IsCi)
        {
            return;
        }

        _database = await PostgresTestDatabase.CreateAsync();
        _host = new Host(_database.ConnectionString);
        await _host.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task The_library_works_on_PostgreSQL()
    {
        TestEnvironment.RequirePostgres();
        var host = _host!;
        var cover = await host.UploadAsync(CraftedImages.PhotoWithGreenSquare(), "Harbour.jpg", folder: "covers", altText: "Boats in the HARBOUR");
        var again = await host.UploadAsync(CraftedImages.Photo(40, 40), "harbour.jpg", folder: "covers");
        await host.RunRecipeAsync(LibraryTests.ArticleRecipe("art-pg", "PostgreSQL article", cover.Path));

        var found = await host.GetJsonAsync<MediaPage>("/api/media?search=harbour&sort=Name");
        var usage = await host.GetJsonAsync<List<MediaUsage>>($"/api/media/{cover.Id}/usage");
        var card = (await host.GetJsonAsync<List<ProfileDerivative>>($"/api/media/{cover.Id}/derivatives")).Single(d => d.Profile == "card");
        using var derivative = await host.Http.GetAsync(card.Url);
        using var refused = await host.SendAsync(HttpMethod.Delete, $"/api/media/{cover.Id}");
        using var forced = await host.SendAsync(HttpMethod.Delete, $"/api/media/{cover.Id}?force=true");

        Assert.Equal("covers/harbour-2.jpg", again.Path);
        Assert.Equal(["covers/harbour-2.jpg", "covers/harbour.jpg"], found.Items.Select(i => i.Path).Order(StringComparer.Ordinal));
        Assert.Equal("art-pg", Assert.Single(usage).ContentItemId);
        Assert.Equal(HttpStatusCode.OK, derivative.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, forced.StatusCode);
    }

    private sealed class Host(string connectionString) : MediaHost(factory => factory.WithPostgres(connectionString));
}
