using System.Net;
using Cms.Data;
using Cms.Preview.Links;
using Cms.Preview.Tests.Support;
using Cms.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Preview.Tests;

/// <summary>The share-link lifecycle on PostgreSQL (its own migration of <c>PreviewLinks</c>).</summary>
public sealed class PostgresShareLinkTests
{
    [SkippableFact]
    public async Task A_link_works_anonymously_until_revoked_or_expired_and_only_its_hash_is_stored()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var host = new PreviewHost { Postgres = database.ConnectionString, SampleContent = false };
        await host.InitializeAsync();
        try
        {
            var writer = await host.SignInAsync("writer-one");
            var (created, item) = await writer.ApiAsync(HttpMethod.Post, "/api/content", Drafts.Article("On PostgreSQL"));
            Assert.Equal(HttpStatusCode.Created, created);
            var id = item!["ContentItemId"]!.GetValue<string>();
            var (_, first) = await writer.ApiAsync(HttpMethod.Post, $"/api/content/{id}/preview-links");
            var (_, second) = await writer.ApiAsync(HttpMethod.Post, $"/api/content/{id}/preview-links");
            var firstPath = new Uri(first!["url"]!.GetValue<string>()).PathAndQuery;
            var secondPath = new Uri(second!["url"]!.GetValue<string>()).PathAndQuery;
            using var stranger = host.Anonymous();

            Assert.Contains("On PostgreSQL", await stranger.GetStringAsync(firstPath));
            await writer.ApiAsync(HttpMethod.Delete, $"/api/content/{id}/preview-links/{first["link"]!["id"]!.GetValue<string>()}");
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(firstPath)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync(secondPath)).StatusCode);
            host.Clock.Advance(TimeSpan.FromHours(48));
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(secondPath)).StatusCode);

            await using var scope = host.Factory.Services.CreateAsyncScope();
            var hashes = await scope.ServiceProvider.GetRequiredService<CmsDbContext>().PreviewLinks.AsNoTracking()
                .Where(l => l.ContentItemId == id).Select(l => l.TokenHash).ToListAsync();
            Assert.Equal(
                new[] { firstPath, secondPath }.Select(p => PreviewLinkService.Hash(p.Split('/')[^1])).Order(),
                hashes.Order());
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
