using System.Diagnostics;
using System.Globalization;
using Cms.Core.Content;
using Cms.Core.Search;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Benchmarks;

/// <summary>
/// Search latency over a large archive: imports generated articles through <see cref="IContentManager"/> (so the search
/// index is written by the content change's own transaction, as in production; the import rate is reported too), copies
/// them set-based in SQL up to the wanted size (version rows, picker index rows and search rows; the database's
/// full-text index follows the search rows as it does for every write), then
/// times <see cref="ContentSearchService"/> (the call GraphQL's <c>search</c> and the admin make) for one-word and
/// three-word searches, first page of 20 with the total, round-robin over several queries: median and p99. SQLite by
/// default in a folder under the temp directory; <c>--postgres</c> uses a fresh database on the given server.
/// </summary>
public static class SearchBenchmark
{
    public const string Options = "[--articles 100000] [--imported 1000] [--batch 200] [--runs 300] [--budget 60] [--postgres <server connection string>] [--keep]";

    // Words of titles (each in about one article in twenty) and of titles and tags together; then the most common body word.
    private static readonly string[] OneWord = ["turbines", "harbour", "festival", "metro", "wheat", "museum"];

    private static readonly string[] ThreeWords = ["wind turbines coast", "new metro line", "old harbour capital", "film festival north", "wheat prices exporters", "museum wing curators"];

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = Settings.Parse(args);
        if (settings is null)
        {
            Console.Error.WriteLine("search " + Options);
            return 2;
        }

        await using var site = await BenchmarkSite.CreateAsync("search-", settings.PostgresServer, settings.Keep);
        var provider = site.Services;
        Console.WriteLine($"Search benchmark on {site.Provider} ({site.Location}), {settings.Articles:N0} articles, {Environment.ProcessorCount} cores");
        await site.SetUpAsync();
        await ImportAsync(site, settings);
        await CopyAsync(provider, settings);
        var budget = TimeSpan.FromSeconds(settings.BudgetSeconds);
        var one = await MeasureAsync(provider, OneWord, settings.Runs, budget);
        var three = await MeasureAsync(provider, ThreeWords, settings.Runs, budget);
        var common = await MeasureAsync(provider, ["officials"], Math.Max(20, settings.Runs / 10), budget);
        Console.WriteLine();
        Console.WriteLine($"Load average while measuring: {ProcessProbe.LoadAverage()}");
        Console.WriteLine($"| {site.Provider}, {settings.Articles:N0} articles | runs | median ms | p99 ms | matches (mean) | stopped at the 2 s limit |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Print("one word", one);
        Print("three words", three);
        Print("one very common word (\"officials\")", common);
        return 0;
    }

    private static async Task ImportAsync(BenchmarkSite site, Settings settings)
    {
        var generator = new ArticleGenerator(seed: 2026);
        var watch = Stopwatch.StartNew();
        for (var imported = 0; imported < settings.Imported;)
        {
            var batch = Math.Min(settings.Batch, settings.Imported - imported);
            await site.ImportBatchAsync(generator, batch);
            imported += batch;
        }

        Console.WriteLine($"Imported {settings.Imported:N0} articles through the content manager (search index included) in {watch.Elapsed.TotalSeconds:N0} s: {settings.Imported / watch.Elapsed.TotalSeconds:N0} items/s");
    }

    /// <summary>Copies the imported articles in SQL until there are <see cref="Settings.Articles"/> (copy k of item x is x-k).</summary>
    private static async Task CopyAsync(IServiceProvider provider, Settings settings)
    {
        var copies = (int)Math.Ceiling(settings.Articles / (double)settings.Imported) - 1;
        if (copies <= 0)
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var lastOriginal = await db.ContentItems.MaxAsync(r => r.Id);
        const string Counter = "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < {0}) ";
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync(
            Counter + """
            INSERT INTO "ContentItems" ("ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Path", "Latest", "Published", "Owner", "Author",
                "CreatedUtc", "ModifiedUtc", "PublishedUtc", "Stage", "AssignedTo", "DueUtc", "Data", "Revision")
            SELECT c."ContentItemId" || '-' || n.k, c."ContentItemVersionId" || '-' || n.k, c."ContentType", c."DisplayText", c."Path" || '-' || n.k, c."Latest",
                c."Published", c."Owner", c."Author", c."CreatedUtc", c."ModifiedUtc", c."PublishedUtc", c."Stage", c."AssignedTo", c."DueUtc", c."Data", c."Revision"
            FROM "ContentItems" AS c CROSS JOIN n
            WHERE c."ContentType" = 'Article' AND c."Id" <= {1}
            """,
            copies,
            lastOriginal);
        await db.Database.ExecuteSqlRawAsync(
            Counter + """
            INSERT INTO "ContentPickerFieldIndex" ("DocumentId", "ContentType", "PartName", "FieldName", "Value")
            SELECT copy."Id", f."ContentType", f."PartName", f."FieldName", f."Value"
            FROM "ContentPickerFieldIndex" AS f JOIN "ContentItems" AS o ON o."Id" = f."DocumentId" CROSS JOIN n
                JOIN "ContentItems" AS copy ON copy."ContentItemVersionId" = o."ContentItemVersionId" || '-' || n.k
            WHERE o."ContentType" = 'Article' AND o."Id" <= {1}
            """,
            copies,
            lastOriginal);
        await db.Database.ExecuteSqlRawAsync(
            Counter + """
            INSERT INTO "ContentSearch" ("ContentItemId", "DocumentId", "ContentType", "Title", "Lead", "Body", "Tags", "Authors")
            SELECT s."ContentItemId" || '-' || n.k, copy."Id", s."ContentType", s."Title", s."Lead", s."Body", s."Tags", s."Authors"
            FROM "ContentSearch" AS s JOIN "ContentItems" AS o ON o."Id" = s."DocumentId" CROSS JOIN n
                JOIN "ContentItems" AS copy ON copy."ContentItemVersionId" = o."ContentItemVersionId" || '-' || n.k
            WHERE o."Id" <= {1}
            """,
            copies,
            lastOriginal);
        await transaction.CommitAsync();
        var total = await db.ContentSearch.CountAsync();
        Console.WriteLine($"Copied to {total:N0} searchable articles in SQL in {watch.Elapsed.TotalSeconds:N0} s");
    }

    /// <summary>
    /// Up to <paramref name="runs"/> searches, fewer when they take longer than <paramref name="budget"/> in all (at least
    /// 20 whatever the time): slow searches at 100,000 articles must not keep the benchmark going for an hour.
    /// </summary>
    private static async Task<Timing> MeasureAsync(IServiceProvider provider, string[] queries, int runs, TimeSpan budget)
    {
        // Warm-up: each query once (plans, caches), not counted.
        foreach (var text in queries)
        {
            await TrySearchAsync(provider, text);
        }

        var times = new List<double>(runs);
        long matches = 0;
        var answered = 0;
        var stopped = 0;
        var spent = Stopwatch.StartNew();
        for (var i = 0; i < runs && (i < 20 || spent.Elapsed < budget); i++)
        {
            var watch = Stopwatch.StartNew();
            var result = await TrySearchAsync(provider, queries[i % queries.Length]);
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (result is null)
            {
                // Stopped by the search's time limit: counted with the time it took to be stopped.
                stopped++;
                continue;
            }

            answered++;
            matches += result.Total ?? 0;
        }

        times.Sort();
        return new Timing(times.Count, times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.99) - 1)], answered == 0 ? 0 : matches / (double)answered, stopped);
    }

    private static async Task<ContentSearchResult?> TrySearchAsync(IServiceProvider provider, string text)
    {
        try
        {
            return await SearchAsync(provider, text);
        }
        catch (ContentValidationException)
        {
            return null;
        }
    }

    private static async Task<ContentSearchResult> SearchAsync(IServiceProvider provider, string text)
    {
        // A new scope per search, as per request.
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentSearchService>().SearchAsync(new ContentSearchRequest { Text = text, Take = 20 });
    }

    private static void Print(string name, Timing timing) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {timing.Runs} | {timing.Median:0.0} | {timing.P99:0.0} | {timing.Matches:N0} | {timing.Stopped} |"));

    private sealed record Timing(int Runs, double Median, double P99, double Matches, int Stopped);

    private sealed record Settings(int Articles, int Imported, int Batch, int Runs, int BudgetSeconds, string? PostgresServer, bool Keep)
    {
        public static Settings? Parse(string[] args)
        {
            var settings = new Settings(100_000, 1_000, 200, 300, 60, null, false);
            for (var i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
                try
                {
                    settings = args[i] switch
                    {
                        "--articles" => settings with { Articles = int.Parse(Value(), CultureInfo.InvariantCulture) },
                        "--imported" => settings with { Imported = int.Parse(Value(), CultureInfo.InvariantCulture) },
                        "--batch" => settings with { Batch = int.Parse(Value(), CultureInfo.InvariantCulture) },
                        "--runs" => settings with { Runs = int.Parse(Value(), CultureInfo.InvariantCulture) },
                        "--budget" => settings with { BudgetSeconds = int.Parse(Value(), CultureInfo.InvariantCulture) },
                        "--postgres" => settings with { PostgresServer = Value() },
                        "--keep" => settings with { Keep = true },
                        _ => null,
                    };
                }
                catch (Exception ex) when (ex is FormatException or ArgumentException)
                {
                    Console.Error.WriteLine(ex.Message);
                    return null;
                }

                if (settings is null)
                {
                    Console.Error.WriteLine($"Unknown option '{args[i]}'.");
                    return null;
                }
            }

            return settings.Articles > 0 && settings.Imported > 0 && settings.Batch > 0 && settings.Runs > 0 && settings.BudgetSeconds > 0 ? settings with { Imported = Math.Min(settings.Imported, settings.Articles) } : null;
        }
    }
}
