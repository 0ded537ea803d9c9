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
            var content = cache.Get($"version-{round}", Document);
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
    public void A_version_whose_text_changed_is_parsed_again()
    {
        using var cache = new SharedContentCache();

        var first = cache.Get("version-1", """{"TitlePart":{"Title":"Before"}}""");
        var same = cache.Get("version-1", """{"TitlePart":{"Title":"Before"}}""");
        var changed = cache.Get("version-1", """{"TitlePart":{"Title":"After"}}""");

        Assert.Same(first, same);
        Assert.Equal("After", changed["TitlePart"]!["Title"]!.GetValue<string>());
    }
}
