using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Cms.Benchmarks;

/// <summary>
/// The read path as a front end sees it: the CMS host in its own process (this build, Production, a seeded data folder,
/// response cache off) and an external load generator in another (autocannon, installed with <c>npm ci</c> from the
/// locked <c>load/package-lock.json</c>), for the two questions front ends ask all day: the 20 newest articles of a
/// section with their authors and section, and one article by path with its body, authors and section. Each query is
/// measured next to its baseline in the same host and run: <c>POST /baseline/{name}</c> answers with the same bytes
/// from memory. Reports requests/s, p50, p90 and p99 latency and the server's peak resident memory during each run
/// (the kernel's high-water mark, reset before each run) and the CPU time the server spent per request in the measured
/// run (the figure to compare on a shared machine), for SQLite and PostgreSQL.
/// </summary>
public static class ExternalBenchmark
{
    public const string Options = "[--db sqlite,postgres] [--queries list,path,search] [--articles 2000] [--connections 32] [--warmup 5] [--seconds 20] [--port 5150] [--postgres <server connection string, default $CMS_TEST_POSTGRES>] [--response-cache] [--keep]";

    public const string ListQuery = """
        query Front($section: ID!) {
          article(first: 20, where: { section: { contentItemId: $section } }, orderBy: { publishedUtc: DESC }) {
            contentItemId displayText publishedUtc lead readingMinutes autoroutePart { path }
            section { contentItems { contentItemId displayText } }
            authors { contentItems { ... on Author { contentItemId displayText roleLine } } }
            coverImage { urls mediaTexts anchors { x y } }
          }
        }
        """;

    public const string PathQuery = """
        query Article($path: String!) {
          article(first: 1, where: { autoroutePart: { path: $path } }) {
            contentItemId displayText publishedUtc lead readingMinutes tags autoroutePart { path }
            htmlBodyPart { html }
            section { contentItems { contentItemId displayText } }
            authors { contentItems { ... on Author { contentItemId displayText roleLine } } }
          }
        }
        """;

    /// <summary>Full-text search, first page of 20 with the total, as a front end's search page asks it.</summary>
    public const string SearchQuery = """
        query Search($text: String!) {
          search(text: $text, first: 20) {
            totalCount
            items { score snippet item { ... on Article { contentItemId displayText publishedUtc autoroutePart { path } } } }
          }
        }
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.FirstOrDefault() == ExternalHost.Command)
        {
            return await ExternalHost.RunAsync(args[1..]);
        }

        var settings = Settings.Parse(args);
        if (settings is null)
        {
            Console.Error.WriteLine("external " + Options);
            return 2;
        }

        if (settings.Databases.Contains("postgres") && settings.PostgresServer is null)
        {
            Console.Error.WriteLine("PostgreSQL needs --postgres <server connection string> or CMS_TEST_POSTGRES.");
            return 2;
        }

        var load = await InstallLoadGeneratorAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"External benchmark: {settings.Articles:N0} articles, autocannon with {settings.Connections} connections, {settings.Warmup} s warm-up + {settings.Seconds} s measured per run, response cache {(settings.ResponseCache ? "on" : "off")}, {Environment.ProcessorCount} cores, load average {ProcessProbe.LoadAverage()}"));
        var rows = new List<Row>();
        foreach (var database in settings.Databases)
        {
            rows.AddRange(await RunDatabaseAsync(database, settings, load));
        }

        Print(rows, settings);
        return 0;
    }

    private static async Task<List<Row>> RunDatabaseAsync(string database, Settings settings, string load)
    {
        var root = Path.Combine(Path.GetTempPath(), "cms-benchmark", "external-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "baseline"));
        string? postgresDatabase = null;
        string? connectionString = null;
        if (database == "postgres")
        {
            postgresDatabase = await BenchmarkSite.CreatePostgresDatabaseAsync(settings.PostgresServer!);
            connectionString = new NpgsqlConnectionStringBuilder(settings.PostgresServer) { Database = postgresDatabase }.ConnectionString;
        }

        var name = database == "postgres" ? "PostgreSQL" : "SQLite";
        Process? host = null;
        try
        {
            Console.WriteLine($"{name}: seeding ...");
            string[] common = ["--data", root, .. connectionString is null ? Array.Empty<string>() : ["--postgres", connectionString]];
            using (var seed = Process.Start(Child(["seed", .. common, "--articles", settings.Articles.ToString(CultureInfo.InvariantCulture)]))!)
            {
                var output = seed.StandardOutput.ReadToEndAsync();
                var errors = seed.StandardError.ReadToEndAsync();
                await seed.WaitForExitAsync();
                Console.Write(await output);
                if (seed.ExitCode != 0)
                {
                    throw new InvalidOperationException($"Seeding failed ({seed.ExitCode}): {await errors}");
                }
            }

            host = Process.Start(Child(["serve", .. common, "--port", settings.Port.ToString(CultureInfo.InvariantCulture), .. settings.ResponseCache ? new[] { "--response-cache" } : []]))!;
            var hostErrors = new StringBuilder();
            host.ErrorDataReceived += (_, e) => hostErrors.AppendLine(e.Data);
            host.BeginErrorReadLine();
            await WaitForListeningAsync(host, hostErrors);
            var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{settings.Port}");
            Console.WriteLine($"{name}: host {host.Id} ready at {url}, {ProcessProbe.ResidentMegabytes(host.Id):N0} MB resident");

            var paths = await File.ReadAllLinesAsync(Path.Combine(root, "paths.txt"));
            var queries = new List<(string Key, string Title, string Query, object Variables)>();
            if (settings.Queries.Contains("list"))
            {
                queries.Add(("list", "20 newest of a section, with authors and section", ListQuery, new { section = "sec-economy" }));
            }

            if (settings.Queries.Contains("path"))
            {
                // An article from the older half: a lookup that walks newest-first pays most for it.
                queries.Add(("path", "one article by path, with body, authors and section", PathQuery, new { path = paths[paths.Length / 3] }));
            }

            if (settings.Queries.Contains("search"))
            {
                // A word of about one title in twenty (and of bodies), then three words that occur together less often.
                queries.Add(("search1", "search, one word, first 20 with total", SearchQuery, new { text = "turbines" }));
                queries.Add(("search3", "search, three words, first 20 with total", SearchQuery, new { text = "new metro line" }));
            }

            var rows = new List<Row>();
            // The first answer builds the schema; on a busy machine that can take longer than HttpClient's 100 s default.
            using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
            foreach (var (key, title, query, variables) in queries)
            {
                var body = JsonSerializer.Serialize(new { query, variables });
                var bodyFile = Path.Combine(root, key + ".request.json");
                await File.WriteAllTextAsync(bodyFile, body);
                using var probe = await client.PostAsync(url + "/api/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
                var bytes = await probe.Content.ReadAsByteArrayAsync();
                using (var answer = JsonDocument.Parse(bytes))
                {
                    if (!probe.IsSuccessStatusCode || answer.RootElement.TryGetProperty("errors", out _) || !Expected(key, answer.RootElement.GetProperty("data")))
                    {
                        throw new InvalidOperationException($"{key}: unexpected answer {(int)probe.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
                    }
                }

                await File.WriteAllBytesAsync(Path.Combine(root, "baseline", key + ".json"), bytes);
                foreach (var (target, label) in new[] { ("/baseline/" + key, "baseline (same bytes from memory)"), ("/api/graphql", "GraphQL") })
                {
                    ProcessProbe.ResetPeakResident(host.Id);
                    var result = await LoadAsync(load, url + target, bodyFile, settings, host.Id);
                    var peak = ProcessProbe.PeakResidentMegabytes(host.Id);
                    var row = new Row(name, title, label, bytes.Length, result, peak);
                    Console.WriteLine(Format(row));
                    rows.Add(row);
                }
            }

            return rows;
        }
        finally
        {
            if (host is not null)
            {
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync();
                host.Dispose();
            }

            if (postgresDatabase is not null && !settings.Keep)
            {
                await BenchmarkSite.DropPostgresDatabaseAsync(settings.PostgresServer!, postgresDatabase);
            }

            if (!settings.Keep)
            {
                Directory.Delete(root, recursive: true);
            }
            else
            {
                Console.WriteLine($"{name}: kept {root}{(postgresDatabase is null ? "" : " and database " + postgresDatabase)}");
            }
        }
    }

    /// <summary>Whether a probe answered what the query is for: a full page, the one article, or a page of matches.</summary>
    private static bool Expected(string key, JsonElement data) => key switch
    {
        "list" => data.GetProperty("article").GetArrayLength() == 20,
        "path" => data.GetProperty("article").GetArrayLength() == 1,
        _ => data.GetProperty("search").GetProperty("totalCount").GetInt32() > 0
            && data.GetProperty("search").GetProperty("items").GetArrayLength() > 0,
    };

    private static async Task WaitForListeningAsync(Process host, StringBuilder errors)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            while (await host.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.Contains(ExternalHost.ListeningLine, StringComparison.Ordinal))
                {
                    // Keep draining the host's output so it never blocks on a full pipe.
                    _ = host.StandardOutput.ReadToEndAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new InvalidOperationException($"The host did not start: {errors}");
    }

    /// <summary>
    /// Runs <c>load/run.mjs</c> (autocannon) in its own process and reads its JSON line, and the server's CPU time over the
    /// measured run (from the line the script prints after its warm-up to the end): on a shared machine the CPU a request
    /// costs says more than how many requests the machine had room for.
    /// </summary>
    private static async Task<LoadResult> LoadAsync(string load, string url, string bodyFile, Settings settings, int serverId)
    {
        var host = new Uri(url).GetLeftPart(UriPartial.Authority);
        using var probe = new HttpClient();
        async Task<double> AllocatedAsync() => double.Parse(await probe.GetStringAsync(host + ExternalHost.AllocatedPath), CultureInfo.InvariantCulture);

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = load,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "run.mjs", url, bodyFile, settings.Connections.ToString(CultureInfo.InvariantCulture), settings.Warmup.ToString(CultureInfo.InvariantCulture), settings.Seconds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var cpuBefore = 0.0;
        var allocatedBefore = 0.0;
        string? last = null;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line == "warmed")
            {
                cpuBefore = ProcessProbe.CpuSeconds(serverId);
                allocatedBefore = await AllocatedAsync();
            }
            else if (line.Length > 0)
            {
                last = line;
            }
        }

        var cpuSeconds = ProcessProbe.CpuSeconds(serverId) - cpuBefore;
        var allocated = await AllocatedAsync() - allocatedBefore;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || last is null)
        {
            throw new InvalidOperationException($"autocannon failed ({process.ExitCode}): {await errors}");
        }

        var json = JsonDocument.Parse(last).RootElement;
        var requests = Math.Max(1, json.GetProperty("requests").GetDouble());
        var result = new LoadResult(
            json.GetProperty("requests").GetDouble() / json.GetProperty("seconds").GetDouble(),
            json.GetProperty("p50").GetDouble(),
            json.GetProperty("p90").GetDouble(),
            json.GetProperty("p99").GetDouble(),
            json.GetProperty("bytes").GetDouble() / requests,
            json.GetProperty("non2xx").GetInt64() + json.GetProperty("errors").GetInt64() + json.GetProperty("timeouts").GetInt64(),
            cpuSeconds * 1000 / requests,
            allocated / 1024 / requests);
        if (result.Failures > 0)
        {
            throw new InvalidOperationException($"{url}: {result.Failures} requests failed or answered other than 2xx.");
        }

        return result;
    }

    /// <summary><c>npm ci</c> in the output's <c>load</c> folder when its packages are missing or the lock file changed.</summary>
    private static async Task<string> InstallLoadGeneratorAsync()
    {
        var load = Path.Combine(AppContext.BaseDirectory, "load");
        var stamp = Path.Combine(load, "node_modules", ".installed-lock");
        var lockText = await File.ReadAllTextAsync(Path.Combine(load, "package-lock.json"));
        if (File.Exists(stamp) && await File.ReadAllTextAsync(stamp) == lockText)
        {
            return load;
        }

        Console.WriteLine("Installing the load generator (npm ci) ...");
        var start = new ProcessStartInfo("npm") { WorkingDirectory = load, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund" })
        {
            start.ArgumentList.Add(arg);
        }

        using var npm = Process.Start(start)!;
        var output = npm.StandardOutput.ReadToEndAsync();
        var errors = npm.StandardError.ReadToEndAsync();
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed ({npm.ExitCode}): {await output}{await errors}");
        }

        await File.WriteAllTextAsync(stamp, lockText);
        return load;
    }

    private static ProcessStartInfo Child(string[] args) =>
        ProcessProbe.Dotnet("Cms.Benchmarks.dll", ["external", ExternalHost.Command, .. args], "Production");

    private static string Format(Row r) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {r.Database} | {r.Query} | {r.Endpoint} | {r.Result.RequestsPerSecond:N0} | {r.Result.P50:0.#} | {r.Result.P90:0.#} | {r.Result.P99:0.#} | {r.Result.ServerCpuMilliseconds:0.00} | {r.Result.ServerAllocatedKilobytes:N0} | {r.PeakMegabytes:N0} | {r.Bytes:N0} |");

    private static void Print(List<Row> rows, Settings settings)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{settings.Articles:N0} articles, {settings.Connections} connections, {settings.Seconds} s measured after {settings.Warmup} s warm-up, response cache {(settings.ResponseCache ? "on" : "off")}, load average {ProcessProbe.LoadAverage()}"));
        Console.WriteLine();
        Console.WriteLine("| database | query | endpoint | requests/s | p50 ms | p90 ms | p99 ms | server CPU ms/request | server KB allocated/request | server peak RSS MB | response bytes |");
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine(Format(row));
        }

        Console.WriteLine();
        Console.WriteLine("| database | query | GraphQL requests/s vs its baseline |");
        Console.WriteLine("|---|---|---:|");
        foreach (var group in rows.GroupBy(r => (r.Database, r.Query)))
        {
            var baseline = group.First(r => r.Endpoint.StartsWith("baseline", StringComparison.Ordinal));
            var graphQL = group.First(r => r.Endpoint == "GraphQL");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {group.Key.Database} | {group.Key.Query} | {graphQL.Result.RequestsPerSecond / baseline.Result.RequestsPerSecond:P0} |"));
        }
    }

    private sealed record LoadResult(double RequestsPerSecond, double P50, double P90, double P99, double BytesPerResponse, long Failures, double ServerCpuMilliseconds, double ServerAllocatedKilobytes);

    private sealed record Row(string Database, string Query, string Endpoint, int Bytes, LoadResult Result, double PeakMegabytes);

    private sealed record Settings(string[] Databases, string[] Queries, int Articles, int Connections, int Warmup, int Seconds, int Port, string? PostgresServer, bool ResponseCache, bool Keep)
    {
        public static Settings? Parse(string[] args)
        {
            var settings = new Settings(["sqlite", "postgres"], ["list", "path", "search"], 2000, 32, 5, 20, 5150, Environment.GetEnvironmentVariable("CMS_TEST_POSTGRES") is { Length: > 0 } env ? env : null, false, false);
            for (var i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
                int Number() => int.Parse(Value(), CultureInfo.InvariantCulture) is var n and > 0 ? n : throw new ArgumentException($"{args[i]} must be positive.");
                try
                {
                    settings = args[i] switch
                    {
                        "--db" => settings with { Databases = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                        "--queries" => settings with { Queries = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                        "--articles" => settings with { Articles = Number() },
                        "--connections" => settings with { Connections = Number() },
                        "--warmup" => settings with { Warmup = int.Parse(Value(), CultureInfo.InvariantCulture) },
                        "--seconds" => settings with { Seconds = Number() },
                        "--port" => settings with { Port = Number() },
                        "--postgres" => settings with { PostgresServer = Value() },
                        "--response-cache" => settings with { ResponseCache = true },
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

            return settings.Databases.Length > 0 && settings.Databases.All(d => d is "sqlite" or "postgres")
                && settings.Queries.Length > 0 && settings.Queries.All(q => q is "list" or "path" or "search") ? settings : null;
        }
    }
}
