using System.Net;
using Cms.Core.Content;
using Cms.GraphQL.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cms.GraphQL.Tests;

/// <summary>Data loaders (SQL commands per request), the response cache and its invalidation, ETags and persisted queries.</summary>
public sealed class CachingTests(GraphQLHost host) : IClassFixture<GraphQLHost>
{
    private const string ListWithRelations = """
        query($first: Int) {
          article(first: $first, orderBy: { contentItemId: ASC }) {
            contentItemId
            section { contentItems { displayText } }
            authors { contentItems { ... on Author { displayText bio { html } } } }
            relatedArticles { contentItems { displayText } }
            related(first: 3) { displayText section { contentItems { displayText } } }
          }
        }
        """;

    [Fact]
    public async Task A_list_with_section_authors_and_related_costs_the_same_few_SQL_commands_for_5_or_20_articles()
    {
        var token = await host.TokenAsync("previewer"); // a token: no response cache, every request runs its SQL
        await host.Client.PostAsync(ListWithRelations, new { first = 1 }, token: token);

        host.Counter.Reset();
        var five = await host.Client.PostAsync(ListWithRelations, new { first = 5 }, token: token);
        var fiveCommands = host.Counter.ContentCommands;
        host.Counter.Reset();
        var twenty = await host.Client.PostAsync(ListWithRelations, new { first = 20 }, token: token);
        var twentyCommands = host.Counter.ContentCommands;

        Assert.False(twenty.HasErrors, twenty.Text);
        Assert.Equal(20, twenty.List("article").Count);
        Assert.Equal(5, five.List("article").Count);
        Assert.Equal(fiveCommands, twentyCommands);
        Assert.InRange(twentyCommands, 1, 12);

        // Background work (the webhook outbox's poll) may send a command during either request: only content reads count.
    }

    [Fact]
    public async Task A_repeated_list_reads_no_stored_document_text_once_its_versions_are_parsed()
    {
        var token = await host.TokenAsync("previewer"); // a token: no response cache, every request runs its SQL
        var first = await host.Client.PostAsync(ListWithRelations, new { first = 20 }, token: token);

        host.Counter.Reset();
        var second = await host.Client.PostAsync(ListWithRelations, new { first = 20 }, token: token);

        Assert.False(second.HasErrors, second.Text);
        Assert.Equal(first.Text, second.Text);
        Assert.Contains(host.Counter.Commands, c => c.Contains("\"ContentItems\"", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Counter.Commands, c => c.Contains("\"ContentItems\"", StringComparison.Ordinal) && c.Contains("\"Data\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Anonymous_responses_are_cached_until_something_is_published()
    {
        const string Query = "{ article(where: { contentItemId_in: [\"art-draft-2\", \"art-02\"] }, orderBy: { contentItemId: ASC }) { contentItemId } }";
        var first = await host.Client.PostAsync(Query);
        host.Counter.Reset();
        var second = await host.Client.PostAsync(Query);
        var commandsForCachedAnswer = host.Counter.ContentCommands;

        // Articles follow the Editorial workflow: submitted, approved, then published.
        await host.AsSystemAsync(async services =>
        {
            var content = services.GetRequiredService<IContentManager>();
            foreach (var transition in new[] { ContentTransitions.Submit, ContentTransitions.Approve, ContentTransitions.Publish })
            {
                await content.TransitionAsync("art-draft-2", transition, new TransitionRequest());
            }
        });
        var third = await host.Client.PostAsync(Query);

        Assert.Equal(["art-02"], first.List("article"));
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(0, commandsForCachedAnswer);
        Assert.Equal(["art-02", "art-draft-2"], third.List("article"));
    }

    [Fact]
    public async Task Unpublishing_and_deleting_invalidate_the_cache_too()
    {
        const string Query = "{ article(where: { contentItemId_in: [\"art-10\", \"art-12\"] }, orderBy: { contentItemId: ASC }) { contentItemId } }";
        var before = await host.Client.PostAsync(Query);

        await host.AsSystemAsync(services => services.GetRequiredService<IContentManager>().UnpublishAsync("art-10"));
        var afterUnpublish = await host.Client.PostAsync(Query);
        await host.AsSystemAsync(services => services.GetRequiredService<IContentManager>().DeleteAsync("art-12"));
        var afterDelete = await host.Client.PostAsync(Query);

        Assert.Equal(["art-10", "art-12"], before.List("article"));
        Assert.Equal(["art-12"], afterUnpublish.List("article"));
        Assert.Empty(afterDelete.List("article"));
    }

    [Fact]
    public async Task Responses_carry_an_ETag_and_If_None_Match_gets_304()
    {
        const string Query = "{ section(where: { contentItemId: \"sec-energy\" }) { displayText } }";
        var first = await host.Client.GetAsync(Query);
        var etag = first.Header("ETag");

        var notModified = await host.Client.GetAsync(Query, ifNoneMatch: etag);
        var otherTag = await host.Client.GetAsync(Query, ifNoneMatch: "\"something-else\"");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.False(string.IsNullOrEmpty(etag));
        Assert.Equal(HttpStatusCode.NotModified, notModified.Status);
        Assert.Empty(notModified.Text);
        Assert.Equal(HttpStatusCode.OK, otherTag.Status);
        Assert.Equal(first.Text, otherTag.Text);
    }

    [Fact]
    public async Task Automatic_persisted_queries_by_hash_over_GET()
    {
        const string Query = "{ section(where: { contentItemId: \"sec-economy\" }) { displayText } }";
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Query)));
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } };

        var unknown = await host.Client.GetAsync(query: null, extensions: extensions);
        var registered = await host.Client.PostAsync(Query, extensions: extensions);
        var byHash = await host.Client.GetAsync(query: null, extensions: extensions);
        var wrongHash = await host.Client.PostAsync(Query, extensions: new { persistedQuery = new { version = 1, sha256Hash = new string('0', 64) } });

        Assert.Equal(["PERSISTED_QUERY_NOT_FOUND"], unknown.ErrorCodes);
        Assert.Equal("PersistedQueryNotFound", unknown.ErrorMessages[0]);
        Assert.False(registered.HasErrors, registered.Text);
        Assert.Equal(HttpStatusCode.OK, byHash.Status);
        Assert.Equal(registered.Text, byHash.Text);
        Assert.Equal("Economy", byHash.Data.GetProperty("section")[0].GetProperty("displayText").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, wrongHash.Status);
    }

    [Fact]
    public async Task A_document_that_passed_validation_is_parsed_and_validated_once()
    {
        const string Query = "{ section(first: 2) { contentItemId } } # validated once";
        const string Invalid = "{ section(first: 2) { noSuchField } } # never kept";
        var before = await DocumentCountAsync();

        var first = await host.Client.PostAsync(Query);
        var afterFirst = await DocumentCountAsync();
        var second = await host.Client.PostAsync(Query);
        var invalid = await host.Client.PostAsync(Invalid);
        var invalidAgain = await host.Client.PostAsync(Invalid);
        var after = await DocumentCountAsync();

        Assert.Equal(before + 1, afterFirst);
        Assert.Equal(afterFirst, after);
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(2, second.List("section").Count);
        Assert.True(invalid.HasErrors);
        Assert.Equal(invalid.Text, invalidAgain.Text);
    }

    private async Task<int> DocumentCountAsync()
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var provider = scope.ServiceProvider.GetRequiredService<Schema.ContentSchemaProvider>();
        var schema = await provider.GetAsync(scope.ServiceProvider.GetRequiredService<Core.Metadata.IContentDefinitionManager>(), CancellationToken.None);
        return schema.DocumentCount;
    }
}
