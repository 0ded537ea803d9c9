extern alias web;

using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Cms.Core.Content;
using Cms.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using web::Cms.Web.Hosting;

namespace Cms.Benchmarks;

/// <summary>
/// The front page's "20 newest articles of a section with section, authors and cover" query over real HTTP
/// (Kestrel on loopback) with concurrent connections, side by side in one process: the GraphQL endpoint without
/// the response cache, with it, and a baseline endpoint in the same host that answers with the same bytes from
/// memory. The CMS runs as in production (Production environment, SQLite), with Warning-level logging so the
/// console does not dominate.
/// </summary>
public static class GraphQLBenchmark
{
    public const string Options = "[--articles 2000] [--connections 32] [--seconds 10] [--warmup 10] [--breakdown] [--postgres <server connection string>]";

    internal const string Query = """
        query Front($section: ID!) {
          article(first: 20, where: { section: { contentItemId: $section } }, orderBy: { publishedUtc: DESC }) {
            contentItemId
            displayText
            publishedUtc
            lead
            autoroutePart { path }
            readingMinutes
            section { contentItems { contentItemId displayText } }
            authors { contentItems { ... on Author { contentItemId displayText roleLine } } }
            coverImage { urls mediaTexts anchors { x y } }
          }
        }
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = Settings.Parse(args);
        if (settings is null)
        {
            Console.Error.WriteLine("graphql " + Options);
            return 2;
        }

        var root = Path.Combine(Path.GetTempPath(), "cms-benchmark", Guid.NewGuid().ToString("N"));
        string? connectionString = null;
        string? postgresDatabase = null;
        if (settings.PostgresServer is { } server)
        {
            postgresDatabase = await BenchmarkSite.CreatePostgresDatabaseAsync(server);
            connectionString = new NpgsqlConnectionStringBuilder(server) { Database = postgresDatabase }.ConnectionString;
        }

        try
        {
            Console.WriteLine($"GraphQL benchmark on {(postgresDatabase is null ? "SQLite" : "PostgreSQL")}: {settings.Articles:N0} published articles, {settings.Connections} connections, {settings.Seconds} s per run after {settings.Warmup} s warm-up, {Environment.ProcessorCount} cores");
            await using var cached = await StartHostAsync(root, connectionString, responseCache: true);
            await SeedAsync(cached.Services, settings.Articles);
            await using var uncached = await StartHostAsync(root, connectionString, responseCache: false);
            var cachedUrl = Address(cached);
            var uncachedUrl = Address(uncached);

            var body = JsonSerializer.Serialize(new { query = Query, variables = new { section = "sec-economy" } });
            using var probe = new HttpClient();
            var expected = await (await probe.PostAsync(cachedUrl + "/api/graphql", Json(body))).Content.ReadAsByteArrayAsync();
            var uncachedBytes = await (await probe.PostAsync(uncachedUrl + "/api/graphql", Json(body))).Content.ReadAsByteArrayAsync();
            // Media URLs name the host, so the two hosts' answers differ by their port only.
            Check(expected, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(uncachedBytes).Replace(uncachedUrl, cachedUrl, StringComparison.Ordinal)));
            var articles = JsonDocument.Parse(expected).RootElement.GetProperty("data").GetProperty("article").GetArrayLength();
            Console.WriteLine($"  response: {expected.Length:N0} bytes, {articles} articles; both endpoints answer byte for byte the same");
            Baseline.Bytes = expected;

            if (settings.Breakdown)
            {
                await BreakdownAsync(uncachedUrl);
                return 0;
            }

            var results = new List<(string Name, RunResult Result)>
            {
                ("baseline (same bytes from memory)", await LoadAsync(cachedUrl + "/baseline", body, expected.Length, settings)),
                ("GraphQL, response cache", await LoadAsync(cachedUrl + "/api/graphql", body, expected.Length, settings)),
                ("GraphQL, no response cache", await LoadAsync(uncachedUrl + "/api/graphql", body, uncachedBytes.Length, settings)),
            };
            Print(results);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
            if (postgresDatabase is not null)
            {
                await BenchmarkSite.DropPostgresDatabaseAsync(settings.PostgresServer!, postgresDatabase);
            }
        }
    }

    internal static async Task<WebApplication> StartHostAsync(string dataDirectory, string? postgres, bool responseCache, string url = "http://127.0.0.1:0")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cms:DataDirectory"] = dataDirectory,
            ["Cms:Database:Provider"] = postgres is null ? "Sqlite" : "Postgres",
            ["ConnectionStrings:Cms"] = postgres,
            ["Cms:Setup:SampleContent"] = "false",
            ["Cms:Setup:AdminPassword"] = "Benchmark-Admin-Password-1",
            ["Cms:GraphQL:EnableResponseCache"] = responseCache ? "true" : "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft"] = "Warning",
            ["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Warning",
        });
        builder.WebHost.UseUrls(url);
        builder.AddCmsHost();
        var app = builder.Build();
        await app.InitializeCmsAsync();
        app.UseCmsHost();
        app.MapPost("/baseline", Baseline.HandleAsync);
        await app.StartAsync();
        return app;
    }

    /// <summary>
    /// One connection, one request at a time, uncached: time and allocations per request of the front-page query
    /// built up a part at a time, to show what each part costs.
    /// </summary>
    private static async Task BreakdownAsync(string url)
    {
        string[] parts =
        [
            "contentItemId",
            "displayText publishedUtc lead autoroutePart { path } readingMinutes",
            "section { contentItems { contentItemId displayText } }",
            "authors { contentItems { ... on Author { contentItemId displayText roleLine } } }",
            "coverImage { urls mediaTexts anchors { x y } }",
        ];
        using var client = new HttpClient();
        Console.WriteLine();
        Console.WriteLine("| fields of each of the 20 articles | ms / request | KB allocated / request |");
        Console.WriteLine("|---|---:|---:|");
        for (var i = 0; i <= parts.Length; i++)
        {
            var query = i == 0
                ? "query Front($section: ID!) { __typename }"
                : "query Front($section: ID!) { article(first: 20, where: { section: { contentItemId: $section } }, orderBy: { publishedUtc: DESC }) { "
                    + string.Join(' ', parts[..i]) + " } }";
            var body = JsonSerializer.Serialize(new { query, variables = new { section = "sec-economy" } });
            for (var w = 0; w < 2000; w++)
            {
                (await client.PostAsync(url + "/api/graphql", Json(body))).Dispose();
            }

            const int Requests = 1000;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            for (var r = 0; r < Requests; r++)
            {
                using var response = await client.PostAsync(url + "/api/graphql", Json(body));
                await response.Content.ReadAsByteArrayAsync();
            }

            var milliseconds = watch.Elapsed.TotalMilliseconds / Requests;
            var kilobytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / Requests;
            Console.WriteLine($"| {(i == 0 ? "no articles: { __typename }" : "+ " + parts[i - 1].Split(' ')[0])} | {milliseconds:0.00} | {kilobytes:N0} |");
        }
    }

    internal static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>Authors, then published articles spread over the sections, through the content service.</summary>
    internal static async Task SeedAsync(IServiceProvider services, int articles)
    {
        var watch = Stopwatch.StartNew();
        var generator = new ArticleGenerator(seed: 7);
        const int Authors = 40;
        for (var done = -Authors; done < articles;)
        {
            await using var scope = services.CreateAsyncScope();
            var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            var manager = scope.ServiceProvider.GetRequiredService<IContentManager>();
            await using var transaction = await unitOfWork.BeginAsync();
            for (var i = 0; i < 100 && done < articles; i++, done++)
            {
                await manager.CreateAsync(done < 0 ? ArticleGenerator.Author(done + Authors) : generator.Next(Authors), publish: true);
            }

            await transaction.CommitAsync();
        }

        Console.WriteLine($"  seeded {articles:N0} articles in {watch.Elapsed.TotalSeconds:0.0} s");
    }

    private static async Task<RunResult> LoadAsync(string url, string body, int expectedLength, Settings settings)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = settings.Connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler);
        await RunWorkersAsync(client, url, body, expectedLength, settings.Connections, TimeSpan.FromSeconds(settings.Warmup));
        return await RunWorkersAsync(client, url, body, expectedLength, settings.Connections, TimeSpan.FromSeconds(settings.Seconds));
    }

    private static async Task<RunResult> RunWorkersAsync(HttpClient client, string url, string body, int expectedLength, int connections, TimeSpan duration)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<long>(4096);
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync(url, Json(body));
                var bytes = await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetTimestamp() - start);
                if (response.StatusCode != HttpStatusCode.OK || bytes.Length != expectedLength)
                {
                    throw new InvalidOperationException($"{url} answered {(int)response.StatusCode} with {bytes.Length} bytes.");
                }
            }

            return latencies;
        })).ToList();
        var started = Stopwatch.GetTimestamp();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var collectionsBefore = GC.CollectionCount(0);
        var pausedBefore = GC.GetTotalPauseDuration();
        var all = (await Task.WhenAll(workers)).SelectMany(l => l).Order().ToArray();
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new RunResult(
            all.Length / elapsed.TotalSeconds,
            Percentile(all, 0.50),
            Percentile(all, 0.99),
            (GC.GetTotalAllocatedBytes() - allocatedBefore) / 1024.0 / Math.Max(1, all.Length),
            GC.CollectionCount(0) - collectionsBefore,
            (GC.GetTotalPauseDuration() - pausedBefore) / elapsed);
    }

    internal static double Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)] * 1000.0 / Stopwatch.Frequency;

    internal static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static void Check(byte[] expected, byte[] actual)
    {
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            throw new InvalidOperationException("The cached and uncached endpoints answered differently.");
        }
    }

    private static void Print(List<(string Name, RunResult Result)> results)
    {
        var baseline = results[0].Result;
        Console.WriteLine();
        Console.WriteLine("| endpoint | requests/s | p50 ms | p99 ms | throughput vs baseline | KB allocated / request | GCs | time paused in GC |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, r) in results)
        {
            Console.WriteLine($"| {name} | {r.RequestsPerSecond:N0} | {r.P50:0.00} | {r.P99:0.00} | {r.RequestsPerSecond / baseline.RequestsPerSecond:P0} | {r.AllocatedKilobytes:N0} | {r.Collections:N0} | {r.PausedShare:P1} |");
        }

        Console.WriteLine("(allocations, collections and pauses are the whole process's: load generator and server)");
    }

    private sealed record RunResult(double RequestsPerSecond, double P50, double P99, double AllocatedKilobytes, int Collections, double PausedShare);

    /// <summary>The baseline: reads the request like the GraphQL endpoint does, then writes the captured response.</summary>
    private static class Baseline
    {
        public static byte[] Bytes { get; set; } = [];

        public static async Task HandleAsync(HttpContext http)
        {
            using var reader = new StreamReader(http.Request.Body);
            await reader.ReadToEndAsync(http.RequestAborted);
            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.ContentLength = Bytes.Length;
            await http.Response.Body.WriteAsync(Bytes, http.RequestAborted);
        }
    }

    private sealed record Settings(int Articles, int Connections, int Seconds, int Warmup, bool Breakdown, string? PostgresServer)
    {
        public static Settings? Parse(string[] args)
        {
            var values = new Dictionary<string, int>(StringComparer.Ordinal) { ["--articles"] = 2000, ["--connections"] = 32, ["--seconds"] = 10, ["--warmup"] = 10 };
            var breakdown = args.Contains("--breakdown");
            args = [.. args.Where(a => a != "--breakdown")];
            string? postgres = null;
            if (Array.IndexOf(args, "--postgres") is var at and >= 0)
            {
                if (at + 1 >= args.Length)
                {
                    return null;
                }

                postgres = args[at + 1];
                args = [.. args[..at], .. args[(at + 2)..]];
            }

            for (var i = 0; i < args.Length; i += 2)
            {
                if (!values.ContainsKey(args[i]) || i + 1 >= args.Length || !int.TryParse(args[i + 1], out var value) || value <= 0)
                {
                    return null;
                }

                values[args[i]] = value;
            }

            return new Settings(values["--articles"], values["--connections"], values["--seconds"], values["--warmup"], breakdown, postgres);
        }
    }
}
