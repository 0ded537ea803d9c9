using System.Diagnostics;
using System.Globalization;
using Cms.Core.Content;
using Cms.Core.Fields;
using Cms.Core.Queries;
using Cms.Data;
using Cms.Data.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Benchmarks;

/// <summary>
/// Imports generated articles through <see cref="IContentManager"/> (a new DI scope and one transaction per batch,
/// each item created with publish: true) and times "the 20 newest published articles of one section" at each
/// checkpoint (1,000 / 10,000 / 100,000 by default), importing incrementally, so the query's cost can be compared
/// across sizes in one run. SQLite by default; <c>--postgres</c> uses a fresh database on the given server.
/// </summary>
public static class ImportBenchmark
{
    public const string Options = "[--articles 100000] [--batch 100] [--runs 50] [--section sec-economy] [--postgres <server connection string>] [--keep]";

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = Settings.Parse(args);
        if (settings is null)
        {
            Console.Error.WriteLine("import " + Options);
            return 2;
        }

        await using var site = await BenchmarkSite.CreateAsync("", settings.PostgresServer, settings.Keep);
        Console.WriteLine($"Import benchmark on {site.Provider} ({site.Location}), {settings.Articles:N0} articles in batches of {settings.Batch}, {Environment.ProcessorCount} cores");
        await site.SetUpAsync();
        var rows = await ImportAndMeasureAsync(site, settings);
        PrintTable(rows);
        return 0;
    }

    private static async Task<List<Measurement>> ImportAndMeasureAsync(BenchmarkSite site, Settings settings)
    {
        var generator = new ArticleGenerator(seed: 2026);
        var results = new List<Measurement>();
        var imported = 0;
        var importTime = TimeSpan.Zero;
        foreach (var checkpoint in settings.Checkpoints)
        {
            var watch = Stopwatch.StartNew();
            var startCount = imported;
            while (imported < checkpoint)
            {
                var batch = Math.Min(settings.Batch, checkpoint - imported);
                await site.ImportBatchAsync(generator, batch);
                imported += batch;
                if (imported % 10_000 == 0)
                {
                    Console.WriteLine($"  {imported,9:N0} imported, {(imported - startCount) / watch.Elapsed.TotalSeconds:N0} items/s in this stretch");
                }
            }

            importTime += watch.Elapsed;
            var rate = (imported - startCount) / watch.Elapsed.TotalSeconds;
            var timing = await MeasureQueryAsync(site.Services, settings, imported == settings.Checkpoints[0]);
            results.Add(new Measurement(imported, rate, timing));
            Console.WriteLine($"  at {imported:N0}: import {rate:N0} items/s; query median {timing.Median.TotalMilliseconds:0.00} ms (p90 {timing.P90.TotalMilliseconds:0.00} ms, {timing.Returned} rows)");
        }

        Console.WriteLine($"Imported {imported:N0} articles in {importTime.TotalSeconds:N0} s: {imported / importTime.TotalSeconds:N0} items/s overall");
        return results;
    }

    public static ContentQuery NewestInSection(string section) => new()
    {
        ContentType = "Article",
        Status = ContentStatus.Published,
        Where = new FieldFilter(FieldIndexKind.ContentPicker, "Article", "Section", FilterOperator.Equal, section),
        OrderBy = [ContentSort.By(ContentColumn.PublishedUtc, descending: true)],
        Take = 20,
    };

    private static async Task<QueryTiming> MeasureQueryAsync(IServiceProvider provider, Settings settings, bool showPlan)
    {
        await using var scope = provider.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var query = NewestInSection(settings.Section);
        if (showPlan)
        {
            await PrintPlanAsync(scope.ServiceProvider.GetRequiredService<CmsDbContext>(), query);
        }

        var returned = 0;
        for (var i = 0; i < 5; i++)
        {
            returned = (await manager.QueryAsync(query)).Items.Count;
        }

        var times = new List<TimeSpan>(settings.Runs);
        for (var i = 0; i < settings.Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var result = await manager.QueryAsync(query);
            watch.Stop();
            returned = result.Items.Count;
            times.Add(watch.Elapsed);
        }

        times.Sort();
        return new QueryTiming(times[times.Count / 2], times[(int)(times.Count * 0.9)], returned);
    }

    /// <summary>The SQL of the measured query (EF's ToQueryString) and the database's plan for it.</summary>
    private static async Task PrintPlanAsync(CmsDbContext db, ContentQuery query)
    {
        var translator = new ContentQueryTranslator(db);
        var sql = translator.Order(translator.Filter(query), query.OrderBy).Skip(query.Skip).Take(query.Take);
        Console.WriteLine("  SQL:");
        Console.WriteLine(Indent(sql.ToQueryString()));
        await using var command = sql.CreateDbCommand();
        var sqlite = db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true;
        command.CommandText = (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            Console.WriteLine("  Plan:");
            while (await reader.ReadAsync())
            {
                Console.WriteLine("    " + reader.GetString(reader.FieldCount - 1));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void PrintTable(List<Measurement> rows)
    {
        var baseline = rows[0].Query.Median.TotalMilliseconds;
        Console.WriteLine();
        Console.WriteLine("| articles | import items/s | newest 20 in section, median ms | p90 ms | vs first |");
        Console.WriteLine("|---------:|---------------:|--------------------------------:|-------:|---------:|");
        foreach (var row in rows)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {row.Articles,8:N0} | {row.ImportRate,14:N0} | {row.Query.Median.TotalMilliseconds,31:0.00} | {row.Query.P90.TotalMilliseconds,6:0.00} | {row.Query.Median.TotalMilliseconds / baseline,7:0.00}x |"));
        }

        var ratio = rows.Max(r => r.Query.Median.TotalMilliseconds) / rows.Min(r => r.Query.Median.TotalMilliseconds);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Largest / smallest query median: {ratio:0.00}x ({(ratio <= 2 ? "within" : "NOT within")} 2x)"));
    }

    private static string Indent(string text) => string.Join(Environment.NewLine, text.Split('\n').Select(line => "    " + line.TrimEnd('\r')));

    private sealed record Measurement(int Articles, double ImportRate, QueryTiming Query);

    private sealed record QueryTiming(TimeSpan Median, TimeSpan P90, int Returned);

    private sealed record Settings(int Articles, int Batch, int Runs, string Section, string? PostgresServer, bool Keep)
    {
        public int[] Checkpoints => [.. new[] { 1_000, 10_000, 100_000 }.Where(c => c < Articles).Append(Articles)];

        public static Settings? Parse(string[] args)
        {
            var settings = new Settings(100_000, 100, 50, "sec-economy", null, false);
            for (var i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
                try
                {
                    settings = args[i] switch
                    {
                        "--articles" => settings with { Articles = int.Parse(Value(), CultureInfo.InvariantCulture) },
                        "--batch" => settings with { Batch = int.Parse(Value(), CultureInfo.InvariantCulture) },
                        "--runs" => settings with { Runs = int.Parse(Value(), CultureInfo.InvariantCulture) },
                        "--section" => settings with { Section = Value() },
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

            return settings.Articles > 0 && settings.Batch > 0 && settings.Runs > 0 ? settings : null;
        }
    }
}
