using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Data.Stores;

namespace Cms.Data.Tests;

public sealed class SharedContentCacheTests
{
    private const string Document = """
        {"TitlePart":{"Title":"Shared"},"Article":{"Lead":{"Text":"Everyone reads this"},"Authors":{"ContentItemIds":["author-1","author-2"]},"Tags":{"Tags":["grid","power","water"]}}}
        """;

    [Fact]
    public void Threads_reading_new_shared_content_at_the_same_moment_all_see_it_whole()
    {
        using var cache = new SharedContentCache();
        const int Threads = 8;
        var failures = 0;
        for (var round = 0; round < 300; round++)
        {
            var content = cache.Get(round, revision: 1, Document);
            using var start = new Barrier(Threads);
            var readers = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    var article = content["Article"]!;
                    var ok = article["Lead"]!["Text"]!.GetValue<string>() == "Everyone reads this"
                        && article["Authors"]!["ContentItemIds"]!.AsArray().Count == 2
                        && string.Join(',', article["Tags"]!["Tags"]!.AsArray().Select(t => t!.GetValue<string>())) == "grid,power,water"
                        && content.Count == 2;
                    if (!ok)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                }
            })).ToList();
            readers.ForEach(t => t.Start());
            readers.ForEach(t => t.Join());
        }

        Assert.Equal(0, failures);
    }

    [Fact]
    public void A_row_at_a_new_revision_is_parsed_again_and_the_old_revision_is_not_served()
    {
        using var cache = new SharedContentCache();

        var first = cache.Get(7, revision: 1, """{"TitlePart":{"Title":"Before"}}""");
        var same = cache.Get(7, revision: 1, """{"TitlePart":{"Title":"Before"}}""");
        var changed = cache.Get(7, revision: 2, """{"TitlePart":{"Title":"After"}}""");

        Assert.Same(first, same);
        Assert.Equal("After", changed["TitlePart"]!["Title"]!.GetValue<string>());
        Assert.False(cache.TryGet(7, revision: 1, out _));
        Assert.False(cache.TryGet(8, revision: 2, out _));
        Assert.True(cache.TryGet(7, revision: 2, out var found));
        Assert.Same(changed, found);
    }

    [Fact]
    public void Strings_of_shared_content_are_decoded_once_not_on_every_read()
    {
        using var cache = new SharedContentCache();

        var content = cache.Get(1, revision: 1, Document);
        var article = content["Article"]!;

        Assert.Same(article["Lead"]!["Text"]!.GetValue<string>(), article["Lead"]!["Text"]!.GetValue<string>());
        var tags = article["Tags"]!["Tags"]!.AsArray();
        Assert.Same(tags[0]!.GetValue<string>(), tags[0]!.GetValue<string>());
        Assert.Equal(["grid", "power", "water"], tags.Select(t => t!.GetValue<string>()));
        Assert.Equal(JsonValueKind.String, content["TitlePart"]!["Title"]!.GetValueKind());
    }
}
