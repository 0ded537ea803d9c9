using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Cms.Core.Content;

namespace Cms.Benchmarks;

/// <summary>
/// Plausible newsroom articles from word lists and a seeded random source: a headline, a lead, a few paragraphs,
/// one of the 16 sections, one or two authors and a few tags. The same seed gives the same articles.
/// </summary>
internal sealed class ArticleGenerator(int seed)
{
    public static readonly string[] Sections =
    [
        "sec-news", "sec-economy", "sec-energy", "sec-climate-and-ecology", "sec-opinion", "sec-culture", "sec-diaspora",
        "sec-interview", "sec-science", "sec-logistics-transport", "sec-gender", "sec-history", "sec-defense", "sec-karabakh", "sec-cop29",
    ];

    private static readonly string[] Subjects =
    [
        "Parliament", "The central bank", "City council", "Farmers", "Port workers", "The energy ministry", "Researchers", "Teachers",
        "A new study", "Regional leaders", "The rail operator", "Local artists", "The court", "Exporters", "Young voters", "Doctors",
        "The statistics office", "Engineers", "Fishermen", "Museum curators", "Students", "The airline", "Diplomats", "Builders",
    ];

    private static readonly string[] Verbs =
    [
        "approves", "questions", "delays", "backs", "rejects", "expands", "reviews", "launches", "welcomes", "warns about",
        "debates", "plans", "cuts", "doubles", "defends", "revives", "pauses", "funds", "maps", "counts",
    ];

    private static readonly string[] Objects =
    [
        "the grid upgrade", "a rail freight corridor", "new water rules", "the spring budget", "solar farms", "the old harbour",
        "school meals", "a museum wing", "gas exports", "the river clean-up", "wind turbines", "bus fares", "a film festival",
        "the housing plan", "coastal defences", "wheat prices", "the new metro line", "a language course", "border trade", "tree planting",
    ];

    private static readonly string[] Tails =
    [
        "after a long debate", "before the summit", "as prices rise", "despite protests", "in the north", "for the first time",
        "ahead of winter", "amid record heat", "with foreign help", "in a close vote", "after ten years", "as talks resume",
        "on the coast", "in the capital", "before the elections", "as demand grows",
    ];

    private static readonly string[] Sentences =
    [
        "Officials said the decision would be reviewed again in the autumn.",
        "The plan has been discussed for years but never fully funded.",
        "Critics argue that the timetable is too short for such a change.",
        "Supporters point to similar projects abroad that paid off within a decade.",
        "Residents interviewed on Tuesday were divided over what it would mean for them.",
        "The figures published this week show a slow but steady improvement.",
        "Several experts called for more open data before any final vote.",
        "The ministry did not answer questions about the cost.",
        "A spokesperson said the first results would be visible next year.",
        "Small businesses say they need clearer rules more than new subsidies.",
        "Independent monitors will publish a report on the process in spring.",
        "The debate has drawn attention far beyond the region.",
        "Engineers warned that the old network was close to its limits.",
        "The proposal still needs approval from two committees.",
        "Local newspapers have followed the story closely since January.",
    ];

    private static readonly string[] Tags =
    [
        "energy", "grid", "budget", "climate", "water", "transport", "culture", "education", "health", "trade",
        "elections", "housing", "environment", "agriculture", "technology", "history", "tourism", "defense",
    ];

    private readonly Random _random = new(seed);

    public static string AuthorId(int n) => $"author-{n:000}";

    /// <summary>The next article; its body has at least <paramref name="minBodyLength"/> characters (more paragraphs when needed).</summary>
    public ContentItem Next(int authorCount, int minBodyLength = 0)
    {
        var title = $"{Pick(Subjects)} {Pick(Verbs)} {Pick(Objects)} {Pick(Tails)}";
        var authors = new JsonArray(AuthorId(_random.Next(authorCount)));
        if (_random.Next(4) == 0)
        {
            var second = AuthorId(_random.Next(authorCount));
            if (second != authors[0]!.GetValue<string>())
            {
                authors.Add(second);
            }
        }

        var tags = new JsonArray(Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => (JsonNode)Pick(Tags)).ToArray());
        return new ContentItem
        {
            ContentType = "Article",
            Content = new JsonObject
            {
                ["TitlePart"] = new JsonObject { ["Title"] = title },
                ["HtmlBodyPart"] = new JsonObject { ["Html"] = Body(minBodyLength) },
                ["Article"] = new JsonObject
                {
                    ["Lead"] = new JsonObject { ["Text"] = Pick(Sentences) },
                    ["Section"] = new JsonObject { ["ContentItemIds"] = new JsonArray(Pick(Sections)) },
                    ["Authors"] = new JsonObject { ["ContentItemIds"] = authors },
                    ["Tags"] = new JsonObject { ["Tags"] = tags },
                    ["CoverImage"] = new JsonObject
                    {
                        ["Paths"] = new JsonArray(string.Create(CultureInfo.InvariantCulture, $"covers/cover-{1 + _random.Next(12):00}.jpg")),
                        ["MediaTexts"] = new JsonArray("A generated cover for the benchmark"),
                    },
                    ["SeoDescription"] = new JsonObject { ["Text"] = title },
                },
            },
        };
    }

    public static ContentItem Author(int n) => new()
    {
        ContentItemId = AuthorId(n),
        ContentType = "Author",
        Content = new JsonObject
        {
            ["TitlePart"] = new JsonObject { ["Title"] = string.Create(CultureInfo.InvariantCulture, $"Staff Writer {n:000}") },
            ["AuthorProfile"] = new JsonObject { ["RoleLine"] = new JsonObject { ["Text"] = "Reporter" } },
        },
    };

    private string Body(int minLength)
    {
        var html = new StringBuilder();
        var paragraphs = 3 + _random.Next(4);
        for (var p = 0; p < paragraphs || html.Length < minLength; p++)
        {
            html.Append("<p>");
            var sentences = 2 + _random.Next(3);
            for (var s = 0; s < sentences; s++)
            {
                html.Append(Pick(Sentences)).Append(' ');
            }

            html.Length--;
            html.Append("</p>");
        }

        return html.ToString();
    }

    private string Pick(string[] values) => values[_random.Next(values.Length)];
}
