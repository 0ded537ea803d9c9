using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Fields;
using Cms.Core.Html;
using Cms.Core.Metadata;
using Cms.Core.Search;
using Cms.Core.Tests.Builders;

namespace Cms.Core.Tests.Content;

/// <summary>
/// <see cref="ContentItemNormalizer.PrepareImport"/>: the import's normalizing done ahead, on other threads. It must give
/// what the import would have made itself, leave the item as it came, and keep a problem for the import to raise.
/// </summary>
public sealed class PreparedImportTests
{
    private static readonly ContentDefinitionSet Definitions = new DefinitionBuilder()
        .Type("Article", ["TitlePart", "AutoroutePart", "HtmlBodyPart", "Article"])
        .Part("Article", ("Lead", "TextField"), ("Bio", "HtmlField"), ("Rank", "NumericField"))
        .Apply();

    private readonly ContentItemNormalizer _normalizer = new(
        [new TextFieldKind(), new HtmlFieldKind(), new NumericFieldKind(), new BooleanFieldKind(), new DateTimeFieldKind(),
         new ContentPickerFieldKind(), new MediaFieldKind(), new LinkFieldKind(), new TagsFieldKind()],
        new HtmlSanitizerService());

    [Fact]
    public void Items_prepared_on_many_threads_match_the_normalizing_of_one_thread_and_stay_as_they_came()
    {
        var items = Enumerable.Range(0, 200).Select(Article).ToList();
        var originals = items.Select(i => i.Content.ToJsonString()).ToList();
        var prepared = new ConcurrentDictionary<int, PreparedContentItem>();

        Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, n => prepared[n] = _normalizer.PrepareImport(items[n], Definitions, $"$[{n}]"));

        for (var n = 0; n < items.Count; n++)
        {
            var expected = items[n].Clone();
            var expectedIndex = _normalizer.Normalize(expected, Definitions.FindType("Article")!, Definitions, $"$[{n}]");
            Assert.True(prepared[n].TryTake(Definitions, out var normalized, out var index));
            Assert.Equal(expected.Content.ToJsonString(), normalized.Content.ToJsonString());
            Assert.Equal(expected.DisplayText, normalized.DisplayText);
            Assert.Equal(expectedIndex.Select(e => e.ToString()), index.Select(e => e.ToString()));
            Assert.Equal(SearchDocumentBuilder.Texts(expected, Definitions.FindType("Article")!, Definitions), prepared[n].TakenSearchTexts);
            Assert.Equal(originals[n], items[n].Content.ToJsonString());
            Assert.DoesNotContain("onclick", normalized.Content.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain("steal", normalized.Content.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_problem_found_ahead_is_raised_when_the_import_takes_it()
    {
        var item = Article(1);
        item.Content["Article"]!["Rank"]!["Value"] = "very high";

        var prepared = _normalizer.PrepareImport(item, Definitions, "$.steps[1].Data[1]");

        var error = Assert.Throws<ContentValidationException>(() => prepared.TryTake(Definitions, out _, out _));
        Assert.Equal("$.steps[1].Data[1].Article.Rank.Value", error.Errors[0].Path);
    }

    [Fact]
    public void Work_done_with_other_definitions_is_not_used()
    {
        var changed = new DefinitionBuilder()
            .Type("Article", ["TitlePart", "AutoroutePart", "HtmlBodyPart", "Article"])
            .Part("Article", ("Lead", "TextField"), ("Bio", "HtmlField"), ("Rank", "NumericField"))
            .Apply();
        var prepared = _normalizer.PrepareImport(Article(1), Definitions, "$");

        Assert.False(prepared.TryTake(changed, out _, out _));
        Assert.Null(prepared.TakenSearchTexts);
        Assert.True(prepared.TryTake(Definitions, out _, out _));
        Assert.Contains("Paragraph 1", prepared.TakenSearchTexts!.Body, StringComparison.Ordinal);
        Assert.False(prepared.TryTake(Definitions, out _, out _));
    }

    [Fact]
    public void The_path_looked_up_first_is_the_items_own_or_the_one_made_from_its_title()
    {
        var own = Article(1);
        own.Content["AutoroutePart"] = new JsonObject { ["Path"] = "news/own-path" };

        Assert.Equal("news/own-path", _normalizer.PrepareImport(own, Definitions, "$").LookupPath);
        Assert.Equal("archive-note-2", _normalizer.PrepareImport(Article(2), Definitions, "$").LookupPath);
    }

    private static ContentItem Article(int n) => new()
    {
        ContentItemId = $"a-{n}",
        ContentType = "Article",
        Content = new JsonObject
        {
            ["TitlePart"] = new JsonObject { ["Title"] = $"  Archive note {n} " },
            ["HtmlBodyPart"] = new JsonObject { ["Html"] = $"<p onclick=\"x()\">Paragraph {n}</p><script>steal()</script>" + string.Concat(Enumerable.Repeat("<p>More text.</p>", 20)) },
            ["Article"] = new JsonObject
            {
                ["Lead"] = new JsonObject { ["Text"] = $"Lead {n}" },
                ["Bio"] = new JsonObject { ["Html"] = "<b onclick='x()'>Bio</b>" },
                ["Rank"] = new JsonObject { ["Value"] = (double)n },
            },
        },
    };
}
