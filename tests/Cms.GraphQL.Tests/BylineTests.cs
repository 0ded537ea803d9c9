using System.Text.Json;
using Cms.Core.Content;
using Cms.Core.Queries;
using Cms.GraphQL.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cms.GraphQL.Tests;

/// <summary>
/// The byline names people or the publication itself: the site's desk is an Author item named as the site and marked
/// <c>publication</c>, so a front end renders "By" + each author's displayText for both kinds, and may skip the author
/// box where <c>publication</c> is true. The sample newsroom has articles of both kinds.
/// </summary>
public sealed class BylineTests(SampleNewsroomHost host) : IClassFixture<SampleNewsroomHost>
{
    private const string Query = """
        query Bylines {
          site { siteName }
          desk: article(where: { authors: { contentItemId: "author-desk" } }, orderBy: { contentItemId: ASC }) {
            contentItemId authors { contentItems { ... on Author { contentItemId displayText publication } } }
          }
          people: article(where: { authors: { contentItemId: "author-02" } }, first: 3) {
            contentItemId authors { contentItems { ... on Author { contentItemId displayText publication } } }
          }
        }
        """;

    [Fact]
    public async Task Articles_credited_to_the_desk_name_the_site_and_the_others_name_people()
    {
        var response = await host.Client.PostAsync(Query);

        Assert.False(response.HasErrors, response.Text);
        var siteName = response.Data.GetProperty("site").GetProperty("siteName").GetString();
        var desk = response.Data.GetProperty("desk").EnumerateArray().ToList();
        Assert.Equal(["article-022", "article-051"], desk.Select(a => a.GetProperty("contentItemId").GetString()));
        foreach (var article in desk)
        {
            var author = Assert.Single(article.GetProperty("authors").GetProperty("contentItems").EnumerateArray());
            Assert.Equal(siteName, author.GetProperty("displayText").GetString());
            Assert.True(author.GetProperty("publication").GetBoolean());
        }

        var people = response.Data.GetProperty("people").EnumerateArray().ToList();
        Assert.NotEmpty(people);
        var person = people[0].GetProperty("authors").GetProperty("contentItems").EnumerateArray().First(a => a.GetProperty("contentItemId").GetString() == "author-02");
        Assert.Equal("Farid Zeynalli", person.GetProperty("displayText").GetString());
        Assert.NotEqual(JsonValueKind.True, person.GetProperty("publication").ValueKind);
    }

    [Fact]
    public async Task The_desk_is_one_of_the_authors_an_editor_can_pick()
    {
        IReadOnlyList<string> found = [];
        await host.AsSystemAsync(async services =>
        {
            var picker = services.GetRequiredService<Cms.Workflow.Editor.EditorLookups>();
            found = [.. (await picker.SearchItemsAsync(["Author"], "Newsroom", 10)).Select(o => o.ContentItemId)];
        });

        Assert.Contains("author-desk", found);
    }

    [Fact]
    public async Task A_front_end_can_list_the_desk_apart_from_the_people()
    {
        var response = await host.Client.PostAsync("{ author(where: { publication: true }) { contentItemId } }");

        Assert.False(response.HasErrors, response.Text);
        Assert.Equal(["author-desk"], response.List("author"));
        await host.AsSystemAsync(async services =>
        {
            var authors = await services.GetRequiredService<IContentManager>().QueryAsync(new ContentQuery { ContentType = "Author", Take = 100 });
            Assert.True(authors.Items.Count > 1);
        });
    }
}
