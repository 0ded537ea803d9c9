using System.Net;
using System.Text.Json;
using Cms.GraphQL.Tests.Support;
using Xunit;

namespace Cms.GraphQL.Tests;

/// <summary>
/// Status semantics with real callers: anonymous (the Anonymous role of the newsroom recipe), and client-credentials
/// tokens from /connect/token whose roles preview everything (<c>previewer</c>), preview own articles
/// (<c>anna-desk</c>, owner of art-05, art-06 and art-draft) or may not run GraphQL (<c>no-graphql</c>).
/// </summary>
public sealed class AuthorizationTests(GraphQLHost host) : IClassFixture<GraphQLHost>
{
    private const string Drafts = "{ article(status: DRAFT, orderBy: { contentItemId: ASC }, first: 50) { contentItemId displayText published latest } }";

    [Fact]
    public async Task Anonymous_callers_read_published_versions_only()
    {
        var response = await host.Client.PostAsync("{ article(first: 50, where: { contentItemId_in: [\"art-live\", \"art-draft\", \"art-01\"] }, orderBy: { contentItemId: ASC }) { contentItemId displayText published } }");

        Assert.False(response.HasErrors, response.Text);
        Assert.Equal(["art-01", "art-live"], response.List("article"));
        Assert.Equal(["Test article 01", "Published headline"], response.List("article", "displayText"));
    }

    [Theory]
    [InlineData("DRAFT")]
    [InlineData("LATEST")]
    [InlineData("ALL")]
    public async Task Anonymous_preview_statuses_are_an_error_never_an_empty_list(string status)
    {
        var response = await host.Client.PostAsync($"{{ article(status: {status}) {{ contentItemId }} }}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(["ACCESS_DENIED"], response.ErrorCodes);
        Assert.Equal(JsonValueKind.Null, response.Data.ValueKind);
    }

    [Fact]
    public async Task Unpublished_items_never_leak_through_pickers_related_or_contentItem()
    {
        var response = await host.Client.PostAsync("""
            {
              withDraftAuthor: contentItem(contentItemId: "art-23") { ... on Article { authors { contentItems { contentItemId } } } }
              withDraftRelated: contentItem(contentItemId: "art-24") { ... on Article { relatedArticles { contentItems { contentItemId } } related(first: 5) { contentItemId published } } }
              draft: contentItem(contentItemId: "art-draft") { contentItemId }
              draftAuthor: author(where: { contentItemId: "author-t3" }) { contentItemId }
            }
            """);

        Assert.False(response.HasErrors, response.Text);
        var data = response.Data;
        Assert.Equal(["author-t2"], Ids(data.GetProperty("withDraftAuthor").GetProperty("authors").GetProperty("contentItems")));
        Assert.Equal(["art-03", "art-01"], Ids(data.GetProperty("withDraftRelated").GetProperty("relatedArticles").GetProperty("contentItems")));
        var related = data.GetProperty("withDraftRelated").GetProperty("related").EnumerateArray().ToList();
        Assert.Equal(5, related.Count);
        Assert.Equal(["art-03", "art-01"], related.Take(2).Select(r => r.GetProperty("contentItemId").GetString()));
        Assert.All(related, r => Assert.True(r.GetProperty("published").GetBoolean()));
        Assert.DoesNotContain(related, r => r.GetProperty("contentItemId").GetString() is "art-draft" or "art-24");
        Assert.Equal(JsonValueKind.Null, data.GetProperty("draft").ValueKind);
        Assert.Empty(data.GetProperty("draftAuthor").EnumerateArray());
    }

    [Fact]
    public async Task Anonymous_contentItem_in_preview_is_refused()
    {
        var response = await host.Client.PostAsync("{ contentItem(contentItemId: \"art-draft\", status: LATEST) { contentItemId } }");

        Assert.Equal(["ACCESS_DENIED"], response.ErrorCodes);
        Assert.Equal(JsonValueKind.Null, response.Data.GetProperty("contentItem").ValueKind);
    }

    [Fact]
    public async Task A_token_with_the_preview_permission_reads_drafts_and_pickers_resolve_latest_versions()
    {
        var token = await host.TokenAsync("previewer");

        var drafts = await host.Client.PostAsync(Drafts, token: token);
        var latest = await host.Client.PostAsync("""
            {
              live: contentItem(contentItemId: "art-live", status: LATEST) { displayText ... on Article { authors { contentItems { contentItemId } } } }
              published: contentItem(contentItemId: "art-live") { displayText ... on Article { authors { contentItems { contentItemId } } } }
            }
            """, token: token);

        Assert.False(drafts.HasErrors, drafts.Text);
        Assert.Equal(["art-draft", "art-draft-2", "art-live"], drafts.List("article"));
        Assert.Equal(["Unpublished grid plan", "Editor draft on tariffs", "Draft headline"], drafts.List("article", "displayText"));
        Assert.False(latest.HasErrors, latest.Text);
        Assert.Equal("Draft headline", latest.Data.GetProperty("live").GetProperty("displayText").GetString());
        Assert.Equal(["author-t3"], Ids(latest.Data.GetProperty("live").GetProperty("authors").GetProperty("contentItems")));
        Assert.Equal("Published headline", latest.Data.GetProperty("published").GetProperty("displayText").GetString());
        Assert.Equal(["author-t2"], Ids(latest.Data.GetProperty("published").GetProperty("authors").GetProperty("contentItems")));
    }

    [Fact]
    public async Task Preview_own_reads_only_the_callers_own_drafts()
    {
        var token = await host.TokenAsync("anna-desk");

        var drafts = await host.Client.PostAsync(Drafts, token: token);
        var foreign = await host.Client.PostAsync("{ contentItem(contentItemId: \"art-draft-2\", status: LATEST) { contentItemId } }", token: token);
        var own = await host.Client.PostAsync("{ contentItem(contentItemId: \"art-draft\", status: LATEST) { contentItemId owner } }", token: token);

        Assert.False(drafts.HasErrors, drafts.Text);
        Assert.Equal(["art-draft"], drafts.List("article"));
        Assert.False(foreign.HasErrors, foreign.Text);
        Assert.Equal(JsonValueKind.Null, foreign.Data.GetProperty("contentItem").ValueKind);
        Assert.False(own.HasErrors, own.Text);
        Assert.Equal("anna-desk", own.Data.GetProperty("contentItem").GetProperty("owner").GetString());
    }

    [Fact]
    public async Task A_preview_response_is_not_served_to_anonymous_callers_from_the_cache()
    {
        const string Query = "{ contentItem(contentItemId: \"art-live\", status: LATEST) { displayText } }";
        var preview = await host.Client.PostAsync(Query, token: await host.TokenAsync("previewer"));
        var anonymous = await host.Client.PostAsync(Query);

        Assert.Equal("Draft headline", preview.Data.GetProperty("contentItem").GetProperty("displayText").GetString());
        Assert.Equal(["ACCESS_DENIED"], anonymous.ErrorCodes);
    }

    [Fact]
    public async Task A_caller_without_ExecuteGraphQL_gets_403_and_a_bad_token_401()
    {
        var forbidden = await host.Client.PostAsync("{ article { contentItemId } }", token: await host.TokenAsync("no-graphql"));
        var tampered = await host.Client.PostAsync("{ article { contentItemId } }", token: (await host.TokenAsync("previewer"))[..^4] + "AAAA");
        var garbage = await host.Client.PostAsync("{ article { contentItemId } }", token: "not-a-token");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        Assert.Equal(["ACCESS_DENIED"], forbidden.ErrorCodes);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.Status);
        Assert.Contains("Bearer", garbage.Header("WWW-Authenticate"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_explorer_page_needs_ExecuteGraphQL()
    {
        using var refused = new HttpRequestMessage(HttpMethod.Get, "/admin/graphql");
        refused.Headers.Authorization = new("Bearer", await host.TokenAsync("no-graphql"));
        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/admin/graphql");
        allowed.Headers.Authorization = new("Bearer", await host.TokenAsync("previewer"));

        using var refusedResponse = await host.Client.Http.SendAsync(refused);
        using var allowedResponse = await host.Client.Http.SendAsync(allowed);

        Assert.Equal(HttpStatusCode.Forbidden, refusedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowedResponse.StatusCode);
        Assert.Contains("id=\"graphiql\"", await allowedResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static List<string?> Ids(JsonElement items) => items.EnumerateArray().Select(i => i.GetProperty("contentItemId").GetString()).ToList();
}
