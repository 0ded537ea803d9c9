using System.Net;
using System.Text.Json;
using Cms.Data;
using Cms.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cms.Web.Tests.Support.TwoNodes;

namespace Cms.Web.Tests;

/// <summary>
/// Two nodes started at the same moment on an empty PostgreSQL database: one migrates, creates the keys and runs the
/// setup (the recipe, the sample content, the administrator) while the other waits for the start-up lock and then
/// finds it all done. The database ends with one of everything, and both nodes serve.
/// </summary>
public sealed class SimultaneousFirstStartTests
{
    private const string Articles = "{ article(first: 100) { contentItemId displayText } }";

    [SkippableFact]
    public async Task Two_nodes_starting_together_on_an_empty_database_set_it_up_once_and_both_serve()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        using var a = Node(database.ConnectionString).WithSampleContent();
        using var b = Node(database.ConnectionString).WithSampleContent();
        using var together = new Barrier(2);
        await Task.WhenAll(new[] { a, b }.Select(node => Task.Run(() =>
        {
            together.SignalAndWait();
            return node.Services;
        })));

        var expected = RecipeItems("newsroom", "sample-content");
        var answers = new List<string>();
        foreach (var node in new[] { a, b })
        {
            using var ready = await node.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            var answer = await QueryAsync(node.CreateClient(), Articles);
            Assert.NotEqual(0, answer.GetProperty("data").GetProperty("article").GetArrayLength());
            answers.Add(answer.ToString());
        }

        Assert.Equal(answers[0], answers[1]);

        await using var scope = a.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal([CmsWebApplicationFactory.AdminUserName], await db.Users.Select(u => u.UserName).ToListAsync());
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        Assert.Equal(["encryption:1", "signing:1"], await db.OpenIdKeys.OrderBy(k => k.Purpose).Select(k => k.Purpose + ":" + k.Generation).ToListAsync());

        var stored = await db.ContentItems.Where(i => i.Latest).GroupBy(i => i.ContentType).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.All(expected, type => Assert.Equal((type.Key, type.Value), (type.Key, stored.GetValueOrDefault(type.Key))));
        Assert.Empty(await db.ContentItems.GroupBy(i => i.ContentItemId).Where(g => g.Count(i => i.Latest) > 1).Select(g => g.Key).ToListAsync());
    }

    /// <summary>How many content items of each type the recipes hold (the items setup writes once).</summary>
    private static Dictionary<string, int> RecipeItems(params string[] recipes) =>
        recipes.SelectMany(name => JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "recipes", name + ".recipe.json"))).RootElement
                .GetProperty("steps").EnumerateArray()
                .Where(step => step.TryGetProperty("Data", out var data) && data.ValueKind == JsonValueKind.Array)
                .SelectMany(step => step.GetProperty("Data").EnumerateArray())
                .Select(item => item.GetProperty("ContentType").GetString()!))
            .GroupBy(type => type, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
