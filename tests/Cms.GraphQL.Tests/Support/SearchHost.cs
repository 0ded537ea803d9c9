using System.Text.Json.Nodes;
using Cms.Core.Content;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.GraphQL.Tests.Support;

/// <summary>
/// The newsroom recipe with a few authors and articles written for the search tests (published, drafts, a published
/// article with a pending draft), on SQLite or, in <see cref="PostgresSearchHost"/>, on PostgreSQL.
/// </summary>
public class SearchHost : GraphQLHost
{
    protected override bool Seed => false;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (Started)
        {
            await SeedAsync();
        }
    }

    /// <summary>An article's parts, as the content API takes them.</summary>
    public static ContentItem Article(string id, string title, string body, string section = "sec-economy", string author = "author-s1", string lead = "", string[]? tags = null) => new()
    {
        ContentItemId = id,
        ContentType = "Article",
        DisplayText = title,
        Content = new JsonObject
        {
            ["TitlePart"] = new JsonObject { ["Title"] = title },
            ["HtmlBodyPart"] = new JsonObject { ["Html"] = body },
            ["Article"] = new JsonObject
            {
                ["Lead"] = new JsonObject { ["Text"] = lead },
                ["Section"] = new JsonObject { ["ContentItemIds"] = new JsonArray(section) },
                ["Authors"] = new JsonObject { ["ContentItemIds"] = new JsonArray(author) },
                ["Tags"] = new JsonObject { ["Tags"] = new JsonArray((tags ?? []).Select(t => (JsonNode?)t).ToArray()) },
            },
        },
    };

    public static ContentItem Author(string id, string name) => new()
    {
        ContentItemId = id,
        ContentType = "Author",
        DisplayText = name,
        Content = new JsonObject { ["TitlePart"] = new JsonObject { ["Title"] = name } },
    };

    /// <summary>Runs one content manager call as the system, in its own scope.</summary>
    public async Task<T> ContentAsync<T>(Func<IContentManager, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<IContentManager>());
    }

    /// <summary>Publishes an unpublished article again the way the editorial workflow allows: submit, approve, publish.</summary>
    public Task RepublishAsync(string contentItemId) => ContentAsync(async m =>
    {
        foreach (var transition in new[] { "submit", "approve", "publish" })
        {
            await m.TransitionAsync(contentItemId, transition, new TransitionRequest());
        }

        return true;
    });

    private async Task SeedAsync()
    {
        await ContentAsync(async m =>
        {
            await m.CreateAsync(Author("author-s1", "Leyla Quasar"), publish: true);
            await m.CreateAsync(Author("author-s2", "Rustam Orbitale"), publish: true);

            // Ranking: one has the word in its title, the other once in its body.
            await m.CreateAsync(Article("art-body", "River report from the delta", "<p>Fishermen near the delta saw a sturgeon last week, the first in years.</p>", section: "sec-energy"), publish: true);
            await m.CreateAsync(Article("art-title", "Sturgeon return to the Caspian", "<p>Hatcheries released young fish into the sea this spring.</p>"), publish: true);

            // Paging: five articles share a word.
            for (var i = 1; i <= 5; i++)
            {
                await m.CreateAsync(Article($"art-page-{i}", $"Market day {i}", $"<p>Pomegranate prices on market day {i}.</p>", author: "author-s2"), publish: true);
            }

            // A draft that was never published, and a published article whose pending draft has other words.
            await m.CreateAsync(Article("art-draft", "Zanzibarite discovery", "<p>Zanzibarite was found in the hills.</p>"), publish: false);
            var live = await m.CreateAsync(Article("art-pending", "Harbour works resume", "<p>Harbour cranes are moving again.</p>"), publish: true);
            await m.UpdateAsync(live.ContentItemId, live.ContentItemVersionId, Article("art-pending", "Harbour works resume", "<p>Harbour cranes and klondikite crates are moving again.</p>").Content);

            // Markup and entities in the body: the snippet must show them as text.
            await m.CreateAsync(Article("art-markup", "Kitchen notes", "<p>Tom wrote &lt;script&gt;alert(1)&lt;/script&gt; &amp; more on the marmalade jar.</p>"), publish: true);
            return true;
        });
    }
}
