using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.GraphQL.Tests.Support;
using Cms.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cms.GraphQL.Tests;

/// <summary>Menus and pages of the newsroom recipe as a front end reads them, anonymously.</summary>
public abstract class MenuQueryTests(GraphQLHost host)
{
    /// <summary>Three levels of items, in the shape the README shows; it fits the default depth limit.</summary>
    private const string MenuQuery = """
        query Menu($name: String!) {
          menu(where: { displayText: $name }) {
            displayText
            menuItemsListPart { menuItems { ...Entry menuItemsListPart { menuItems { ...Entry menuItemsListPart { menuItems { ...Entry } } } } } }
          }
        }
        fragment Entry on ContentItem {
          displayText
          ... on LinkMenuItem { linkMenuItemPart { url target } }
          ... on ContentMenuItem { contentMenuItemPart { selectedContentItem { contentItemId displayText ... on Section { path } ... on Page { path } } } }
        }
        """;

    [SkippableFact]
    public async Task The_header_menu_comes_as_a_nested_tree_of_labels_and_targets()
    {
        Require();
        var response = await host.Client.PostAsync(MenuQuery, new { name = "Header" });

        Assert.False(response.HasErrors, response.Text);
        var menu = Assert.Single(response.Data.GetProperty("menu").EnumerateArray());
        Assert.Equal("Header", menu.GetProperty("displayText").GetString());
        Assert.Equal(
            [
                "Home -> /",
                "COP29 -> sec-cop29 (COP29, cop29)",
                "Opinion -> sec-opinion (Opinion, opinion)",
                "News -> sec-news (News, news)",
                "  Economy -> sec-economy (Economy, news/economy)",
                "  Energy -> sec-energy (Energy, news/energy)",
                "  Climate and Ecology -> sec-climate-and-ecology (Climate and Ecology, news/climate-and-ecology)",
                "Culture -> sec-culture (Culture, culture)",
                "Diaspora -> sec-diaspora (Diaspora, diaspora)",
                "Interview -> sec-interview (Interview, interview)",
                "Science -> sec-science (Science, science)",
                "Logistics-Transport -> sec-logistics-transport (Logistics-Transport, logistics-transport)",
                "Gender -> sec-gender (Gender, gender)",
                "History -> sec-history (History, history)",
                "Defense -> sec-defense (Defense, defense)",
                "Karabakh -> sec-karabakh (Karabakh, karabakh)",
            ],
            Outline(menu));
    }

    [SkippableFact]
    public async Task The_side_menu_ends_with_the_who_we_are_page()
    {
        Require();
        var response = await host.Client.PostAsync(MenuQuery, new { name = "Side" });

        Assert.False(response.HasErrors, response.Text);
        var lines = Outline(Assert.Single(response.Data.GetProperty("menu").EnumerateArray()));
        Assert.Equal(16, lines.Count);
        Assert.Equal("News -> sec-news (News, news)", lines[0]);
        Assert.Equal("Who we are -> page-who-we-are (Who we are, who-we-are)", lines[^1]);
    }

    [SkippableFact]
    public async Task A_page_is_served_like_an_article()
    {
        Require();
        var response = await host.Client.PostAsync("""
            { page(where: { autoroutePart: { path: "who-we-are" } }) { contentItemId displayText path readingMinutes htmlBodyPart { html } parent { contentItemIds } }
              all: page(orderBy: { displayText: ASC }) { displayText } }
            """);

        Assert.False(response.HasErrors, response.Text);
        var page = Assert.Single(response.Data.GetProperty("page").EnumerateArray());
        Assert.Equal("page-who-we-are", page.GetProperty("contentItemId").GetString());
        Assert.Equal("who-we-are", page.GetProperty("path").GetString());
        Assert.Contains("<h2>What we do</h2>", page.GetProperty("htmlBodyPart").GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Privacy policy", "Terms of use", "Who we are"], response.List("all", "displayText"));
    }

    [SkippableFact]
    public async Task The_site_query_of_the_README_runs_in_one_request()
    {
        Require();
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "README.md"));
        var start = readme.IndexOf("query Site {", StringComparison.Ordinal);
        // The README names an article of the sample content; this host has the test recipe's articles instead.
        var query = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)]
            .Replace("articles/parliament-approves-revised-budget-with-more-money-for-rural-water-networks", "articles/test-article-01", StringComparison.Ordinal);
        Assert.Contains("articles/test-article-01", query, StringComparison.Ordinal);

        var response = await host.Client.PostAsync(query);

        Assert.False(response.HasErrors, response.Text);
        Assert.Equal(16, Outline(response.Data.GetProperty("header")[0]).Count);
        Assert.Equal("Who we are", Outline(response.Data.GetProperty("side")[0])[^1].Split(" -> ")[0]);
        Assert.Equal("Who we are", response.Data.GetProperty("page")[0].GetProperty("displayText").GetString());
        var site = response.Data.GetProperty("site");
        Assert.Equal("Newsroom Daily", site.GetProperty("siteName").GetString());
        Assert.Contains(site.GetProperty("cookieNotice").GetProperty("links").EnumerateArray(), l => l.GetProperty("url").GetString() == "/privacy-policy");
        Assert.True(response.Data.GetProperty("article").GetArrayLength() == 1, response.Text);
        var article = response.Data.GetProperty("article")[0];
        Assert.Equal("Test article 01", article.GetProperty("displayText").GetString());
        Assert.NotEmpty(article.GetProperty("authors").GetProperty("contentItems").EnumerateArray());
        Assert.NotEmpty(article.GetProperty("section").GetProperty("contentItems").EnumerateArray());
    }

    [SkippableFact]
    public async Task Menu_item_types_have_no_root_field()
    {
        Require();
        var response = await host.Client.PostAsync("{ linkMenuItem { displayText } }");

        Assert.True(response.HasErrors);
        Assert.Contains(response.ErrorMessages, m => m.Contains("linkMenuItem", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task An_entry_whose_item_is_not_published_is_left_out_for_anonymous_callers()
    {
        Require();
        await host.AsSystemAsync(async services =>
        {
            var content = services.GetRequiredService<IContentManager>();
            await content.CreateAsync(Section("sec-secret", "Secret plans"), publish: false);
            await content.CreateAsync(Section("sec-withdrawn", "Withdrawn"), publish: true);
            await content.UnpublishAsync("sec-withdrawn");
            var menu = new ContentItem { ContentItemId = "menu-leak", ContentType = "Menu" };
            menu.Content["TitlePart"] = new JsonObject { ["Title"] = "Leak" };
            menu.Content["MenuItemsListPart"] = JsonNode.Parse("""
                { "MenuItems": [
                  { "ContentType": "ContentMenuItem", "DisplayText": "Draft", "ContentMenuItemPart": { "SelectedContentItem": { "ContentItemIds": ["sec-secret"] } },
                    "MenuItemsListPart": { "MenuItems": [ { "ContentType": "LinkMenuItem", "DisplayText": "Under the draft", "LinkMenuItemPart": { "Url": "/under" } } ] } },
                  { "ContentType": "ContentMenuItem", "DisplayText": "Gone", "ContentMenuItemPart": { "SelectedContentItem": { "ContentItemIds": ["sec-withdrawn"] } } },
                  { "ContentType": "ContentMenuItem", "DisplayText": "Culture", "ContentMenuItemPart": { "SelectedContentItem": { "ContentItemIds": ["sec-culture"] } } },
                  { "ContentType": "LinkMenuItem", "DisplayText": "Elsewhere", "LinkMenuItemPart": { "Url": "https://example.com/" } }
                ] }
                """)!.AsObject();
            await content.CreateAsync(menu, publish: true);
        });

        var response = await host.Client.PostAsync(MenuQuery, new { name = "Leak" });

        Assert.False(response.HasErrors, response.Text);
        var menuElement = Assert.Single(response.Data.GetProperty("menu").EnumerateArray());
        Assert.Equal(["Culture -> sec-culture (Culture, culture)", "Elsewhere -> https://example.com/"], Outline(menuElement));
        Assert.DoesNotContain("Secret", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("sec-withdrawn", response.Text, StringComparison.Ordinal);
    }

    private static ContentItem Section(string id, string title)
    {
        var item = new ContentItem { ContentItemId = id, ContentType = "Section" };
        item.Content["TitlePart"] = new JsonObject { ["Title"] = title };
        return item;
    }

    private static List<string> Outline(JsonElement owner, int level = 0)
    {
        var lines = new List<string>();
        if (!owner.TryGetProperty("menuItemsListPart", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return lines;
        }

        foreach (var entry in list.GetProperty("menuItems").EnumerateArray())
        {
            var label = entry.GetProperty("displayText").GetString();
            string target;
            if (entry.TryGetProperty("linkMenuItemPart", out var link))
            {
                target = link.GetProperty("url").GetString()!;
            }
            else
            {
                var selected = entry.GetProperty("contentMenuItemPart").GetProperty("selectedContentItem");
                target = $"{selected.GetProperty("contentItemId").GetString()} ({selected.GetProperty("displayText").GetString()}, {selected.GetProperty("path").GetString()})";
            }

            lines.Add($"{new string(' ', level * 2)}{label} -> {target}");
            lines.AddRange(Outline(entry, level + 1));
        }

        return lines;
    }

    protected virtual void Require()
    {
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", ".."));
}

public sealed class SqliteMenuQueryTests(GraphQLHost host) : MenuQueryTests(host), IClassFixture<GraphQLHost>;

public sealed class PostgresMenuQueryTests(PostgresGraphQLHost host) : MenuQueryTests(host), IClassFixture<PostgresGraphQLHost>
{
    protected override void Require() => TestEnvironment.RequirePostgres();
}
