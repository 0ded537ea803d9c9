using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Npgsql;

namespace Cms.Benchmarks;

/// <summary>
/// One node against two nodes on the same PostgreSQL database, side by side in one run: the front-page query (20
/// newest articles of a section with section, authors and cover; response cache off, so every request reaches the
/// database), requests per second. Each node is its own process (this program started with <c>node</c>); the load
/// generator spreads its connections round-robin over the nodes' addresses, as a load balancer would.
/// </summary>
public static class NodesBenchmark
{
    public const string Options = "--postgres <server connection string> [--articles 2000] [--connections 32] [--seconds 10] [--warmup 5] [--ports 5162,5163]";
    public const string NodeCommand = "node";

    public static async Task<int> RunAsync(string[] args)
    {
        var server = Value(args, "--postgres");
        if (server is null)
        {
            Console.Error.WriteLine("nodes " + Options);
            return 2;
        }

        var articles = int.Parse(Value(args, "--articles") ?? "2000", System.Globalization.CultureInfo.InvariantCulture);
        var connections = int.Parse(Value(args, "--connections") ?? "32", System.Globalization.CultureInfo.InvariantCulture);
        var seconds = int.Parse(Value(args, "--seconds") ?? "10", System.Globalization.CultureInfo.InvariantCulture);
        var warmup = int.Parse(Value(args, "--warmup") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
        var ports = (Value(args, "--ports") ?? "5162,5163").Split(',').Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var database = await BenchmarkSite.CreatePostgresDatabaseAsync(server);
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        var root = Path.Combine(Path.GetTempPath(), "cms-benchmark", Guid.NewGuid().ToString("N"));
        var nodes = new List<Process>();
        try
        {
            Console.WriteLine($"Nodes benchmark on PostgreSQL: {articles:N0} published articles, {connections} connections, {seconds} s per run after {warmup} s warm-up, {Environment.ProcessorCount} cores");
            await using (var seeder = await GraphQLBenchmark.StartHostAsync(Path.Combine(root, "seed"), connectionString, responseCache: false))
            {
                await GraphQLBenchmark.SeedAsync(seeder.Services, articles);
            }

            var urls = new List<string>();
            foreach (var port in ports.Take(2))
            {
                var url = $"http://127.0.0.1:{port}";
                nodes.Add(await StartNodeAsync(Path.Combine(root, "node-" + port), connectionString, url));
                urls.Add(url);
            }

            var body = JsonSerializer.Serialize(new { query = GraphQLBenchmark.Query, variables = new { section = "sec-economy" } });
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
            using var client = new HttpClient(handler);
            var one = await LoadAsync(client, [urls[0]], body, connections, warmup, seconds);
            var two = await LoadAsync(client, urls, body, connections, warmup, seconds);
            Console.WriteLine();
            Console.WriteLine("| setup | requests/s | p50 ms | p99 ms |");
            Console.WriteLine("|---|---:|---:|---:|");
            Console.WriteLine($"| one node | {one.RequestsPerSecond:N0} | {one.P50:0.00} | {one.P99:0.00} |");
            Console.WriteLine($"| two nodes, round-robin | {two.RequestsPerSecond:N0} | {two.P50:0.00} | {two.P99:0.00} |");
            Console.WriteLine($"two nodes / one node: {two.RequestsPerSecond / one.RequestsPerSecond:0.00}x (nodes, database and load generator share this machine's {Environment.ProcessorCount} cores)");
            return 0;
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.StandardInput.Close();
                if (!node.WaitForExit(TimeSpan.FromSeconds(20)))
                {
                    node.Kill();
                }

                node.Dispose();
            }

            NpgsqlConnection.ClearAllPools();
            await BenchmarkSite.DropPostgresDatabaseAsync(server, database);
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>The child process: one node on <c>url</c>, until its standard input closes.</summary>
    public static async Task<int> RunNodeAsync(string[] args)
    {
        await using var app = await GraphQLBenchmark.StartHostAsync(args[0], args[1], responseCache: false, url: args[2]);
        Console.WriteLine("ready");
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
    }

    private static async Task<Process> StartNodeAsync(string dataDirectory, string connectionString, string url)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(NodesBenchmark).Assembly.Location);
        }

        foreach (var argument in new[] { NodeCommand, dataDirectory, connectionString, url })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line == "ready")
            {
                _ = process.StandardOutput.ReadToEndAsync();
                return process;
            }
        }

        throw new InvalidOperationException($"The node on {url} did not start (exit code {(process.HasExited ? process.ExitCode : -1)}).");
    }

    private static async Task<(double RequestsPerSecond, double P50, double P99)> LoadAsync(HttpClient client, IReadOnlyList<string> urls, string body, int connections, int warmup, int seconds)
    {
        await RunAsync(client, urls, body, connections, TimeSpan.FromSeconds(warmup));
        return await RunAsync(client, urls, body, connections, TimeSpan.FromSeconds(seconds));
    }

    private static async Task<(double, double, double)> RunAsync(HttpClient client, IReadOnlyList<string> urls, string body, int connections, TimeSpan duration)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var next = 0;
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<long>(4096);
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                // Round-robin over the nodes, request by request.
                var url = urls[(int)((uint)Interlocked.Increment(ref next) % urls.Count)] + "/api/graphql";
                var start = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync(url, GraphQLBenchmark.Json(body));
                var bytes = await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetTimestamp() - start);
                if (response.StatusCode != HttpStatusCode.OK || bytes.Length < 100)
                {
                    throw new InvalidOperationException($"{url} answered {(int)response.StatusCode} with {bytes.Length} bytes.");
                }
            }

            return latencies;
        })).ToList();
        var started = Stopwatch.GetTimestamp();
        var all = (await Task.WhenAll(workers)).SelectMany(l => l).Order().ToArray();
        var elapsed = Stopwatch.GetElapsedTime(started);
        return (all.Length / elapsed.TotalSeconds, GraphQLBenchmark.Percentile(all, 0.50), GraphQLBenchmark.Percentile(all, 0.99));
    }

    private static string? Value(string[] args, string name) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
