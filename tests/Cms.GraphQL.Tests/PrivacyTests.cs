using System.Text.Json;
using Cms.GraphQL.Tests.Support;
using Cms.Testing;
using Xunit;

namespace Cms.GraphQL.Tests;

/// <summary>
/// What anonymous GraphQL must not tell: who saved an item (login names, user ids) and which items have
/// unpublished versions. Runs on SQLite and on PostgreSQL.
/// </summary>
public abstract class PrivacyTests(GraphQLHost host)
{
    protected abstract void Require();

    [SkippableFact]
    public async Task Owner_and_author_are_null_for_callers_who_may_not_edit_and_shown_to_editors()
    {
        Require();
        const string Query = "{ article(where: { contentItemId_in: [\"art-01\", \"art-05\"] }, orderBy: { contentItemId: ASC }) { contentItemId owner author authors { contentItems { displayText } } } }";

        var anonymous = await host.Client.PostAsync(Query);
        var previewer = await host.Client.PostAsync(Query, token: await host.TokenAsync("previewer"));
        var ownEditor = await host.Client.PostAsync(Query, token: await host.TokenAsync("anna-desk"));
        var desk = await host.Client.PostAsync(Query, token: await host.TokenAsync("desk"));

        foreach (var response in new[] { anonymous, previewer, ownEditor, desk })
        {
            Assert.False(response.HasErrors, response.Text);
        }

        Assert.DoesNotContain("editor", anonymous.Text, StringComparison.Ordinal);
        Assert.All(Items(anonymous), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("owner").ValueKind));
        Assert.All(Items(anonymous), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("author").ValueKind));
        Assert.Equal("Leyla Mammadova", Items(anonymous)[0].GetProperty("authors").GetProperty("contentItems")[0].GetProperty("displayText").GetString());
        Assert.All(Items(previewer), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("author").ValueKind));
        Assert.Equal([null, "anna-desk"], Items(ownEditor).Select(i => i.GetProperty("owner").GetString()));
        Assert.Equal(["user-editor", "anna-desk"], Items(desk).Select(i => i.GetProperty("owner").GetString()));
        Assert.Equal(["editor", "editor"], Items(desk).Select(i => i.GetProperty("author").GetString()));
    }

    [SkippableTheory]
    [InlineData("where: { author: \"editor\" }")]
    [InlineData("where: { owner_starts_with: \"user\" }")]
    [InlineData("where: { OR: [{ displayText: \"x\" }, { NOT: [{ author_contains: \"ed\" }] }] }")]
    [InlineData("orderBy: { author: ASC }")]
    [InlineData("orderBy: { owner: DESC }")]
    public async Task Filtering_or_sorting_by_owner_or_author_is_refused_unless_the_caller_may_edit_every_item(string arguments)
    {
        Require();
        var query = $"{{ article({arguments}) {{ contentItemId }} }}";

        var anonymous = await host.Client.PostAsync(query);
        var ownEditor = await host.Client.PostAsync(query, token: await host.TokenAsync("anna-desk"));
        var desk = await host.Client.PostAsync(query, token: await host.TokenAsync("desk"));

        Assert.Equal(["ACCESS_DENIED"], anonymous.ErrorCodes);
        Assert.Contains("Edit_Article", anonymous.Text, StringComparison.Ordinal);
        Assert.Equal(["ACCESS_DENIED"], ownEditor.ErrorCodes);
        Assert.False(desk.HasErrors, desk.Text);
    }

    [SkippableFact]
    public async Task ContentItem_in_preview_answers_the_same_for_a_draft_a_published_item_and_a_missing_id()
    {
        Require();
        static string Query(string id, string status) => $"{{ contentItem(contentItemId: \"{id}\", status: {status}) {{ contentItemId }} }}";

        foreach (var status in new[] { "LATEST", "DRAFT", "ALL" })
        {
            var draft = await host.Client.PostAsync(Query("art-draft", status));
            var pending = await host.Client.PostAsync(Query("art-live", status));
            var missing = await host.Client.PostAsync(Query("no-such-item", status));

            Assert.Equal(["ACCESS_DENIED"], draft.ErrorCodes);
            Assert.Equal(Body(draft), Body(pending));
            Assert.Equal(Body(draft), Body(missing));
        }

        // A caller who may preview its own articles: someone else's draft is as absent as a missing id.
        var token = await host.TokenAsync("anna-desk");
        var foreign = await host.Client.PostAsync(Query("art-draft-2", "LATEST"), token: token);
        var nothing = await host.Client.PostAsync(Query("no-such-item", "LATEST"), token: token);
        Assert.False(foreign.HasErrors, foreign.Text);
        Assert.Equal(nothing.Text, foreign.Text);
    }

    [SkippableFact]
    public async Task A_published_item_does_not_tell_anonymous_callers_that_a_draft_is_pending()
    {
        Require();
        const string Query = "{ article(where: { contentItemId_in: [\"art-live\", \"art-01\"] }, orderBy: { contentItemId: ASC }) { contentItemId published latest } }";

        var anonymous = await host.Client.PostAsync(Query);
        var previewer = await host.Client.PostAsync(Query, token: await host.TokenAsync("previewer"));
        var sortByLatest = await host.Client.PostAsync("{ article(orderBy: [{ latest: ASC }, { contentItemId: ASC }], first: 3) { contentItemId } }");

        Assert.False(anonymous.HasErrors, anonymous.Text);
        Assert.All(Items(anonymous), i => Assert.True(i.GetProperty("latest").GetBoolean()));
        Assert.Equal([true, false], Items(previewer).Select(i => i.GetProperty("latest").GetBoolean()));
        Assert.Equal(["ACCESS_DENIED"], sortByLatest.ErrorCodes);
    }

    [SkippableFact]
    public async Task Picker_ids_list_only_items_the_caller_may_see()
    {
        Require();
        const string Query = "{ contentItem(contentItemId: \"art-23\") { ... on Article { authors { contentItemIds contentItems { contentItemId } } } } }";

        var anonymous = await host.Client.PostAsync(Query);
        var preview = await host.Client.PostAsync("{ article(status: LATEST, where: { contentItemId: \"art-23\" }) { authors { contentItemIds } } }", token: await host.TokenAsync("previewer"));

        Assert.False(anonymous.HasErrors, anonymous.Text);
        var authors = anonymous.Data.GetProperty("contentItem").GetProperty("authors");
        Assert.Equal(["author-t2"], authors.GetProperty("contentItemIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["author-t2", "author-t3"], preview.Data.GetProperty("article")[0].GetProperty("authors").GetProperty("contentItemIds").EnumerateArray().Select(e => e.GetString()));
    }

    private static List<JsonElement> Items(GraphQLResponse response) => [.. response.Data.GetProperty("article").EnumerateArray()];

    private static string Body(GraphQLResponse response) => response.Text.Replace("\"extensions\"", "", StringComparison.Ordinal);
}

/// <summary><see cref="PrivacyTests"/> on SQLite.</summary>
public sealed class SqlitePrivacyTests(GraphQLHost host) : PrivacyTests(host), IClassFixture<GraphQLHost>
{
    protected override void Require()
    {
    }
}

/// <summary><see cref="PrivacyTests"/> on PostgreSQL.</summary>
public sealed class PostgresPrivacyTests(PostgresGraphQLHost host) : PrivacyTests(host), IClassFixture<PostgresGraphQLHost>
{
    protected override void Require() => TestEnvironment.RequirePostgres();
}
