using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cms.Core.Content;
using Microsoft.Data.Sqlite;

namespace Cms.Benchmarks;

/// <summary>
/// <c>recipe run</c> itself: a generated archive of articles (about 5 KB of body each, section and author pickers) in one
/// recipe file, imported by the real command as its own process, side by side in one run with a baseline: the same
/// articles through the import benchmark's path (<see cref="IContentManager.CreateAsync"/>, 100 per transaction) in a
/// process of its own. Both start from a copy of one set-up site (first start, no sample content, the authors loaded);
/// each reports items per second (the import only, without start-up), its peak resident memory and the CPU time the
/// process used (start-up included), which tells more than the clock when the machine is shared.
/// </summary>
public static partial class RecipeBenchmark
{
    public const string Options = "[--articles 20000] [--body 5000] [--keep]";

    private const int AuthorCount = 40;
    private const int Seed = 2026;
    private const string BaselineCommand = "recipe-baseline";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.FirstOrDefault() == BaselineCommand)
        {
            return await BaselineAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
        }

        var articles = 20_000;
        var body = 5_000;
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--articles" when i + 1 < args.Length:
                    articles = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--body" when i + 1 < args.Length:
                    body = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--keep":
                    keep = true;
                    break;
                default:
                    Console.Error.WriteLine("recipe " + Options);
                    return 2;
            }
        }

        var root = Path.Combine(Path.GetTempPath(), "cms-benchmark", "recipe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            var recipe = Path.Combine(root, "archive.recipe.json");
            var bytes = WriteArchiveRecipe(recipe, articles, body);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Recipe benchmark: {articles:N0} articles of about {body:N0} characters of body, a {bytes / 1024.0 / 1024.0:N1} MB recipe, SQLite, {Environment.ProcessorCount} cores"));

            var site = Path.Combine(root, "site");
            await SetUpSiteAsync(site, root);
            var viaRecipe = Path.Combine(root, "via-recipe");
            var viaBaseline = Path.Combine(root, "via-baseline");
            CopyDirectory(site, viaRecipe);
            CopyDirectory(site, viaBaseline);

            Console.WriteLine("  recipe run ...");
            var command = await MeasureAsync(WebHost("recipe", "run", recipe, $"--Cms:DataDirectory={viaRecipe}"), RecipeLine());
            Console.WriteLine("  baseline (the import benchmark's path) ...");
            var baseline = await MeasureAsync(Self(BaselineCommand, viaBaseline, articles.ToString(CultureInfo.InvariantCulture), body.ToString(CultureInfo.InvariantCulture)), BaselineLine());

            Console.WriteLine();
            Console.WriteLine("| path | items | import s | items/s | process s | CPU s | peak memory MB |");
            Console.WriteLine("|------|------:|---------:|--------:|----------:|------:|---------------:|");
            Row("recipe run <file> (own process)", command);
            Row("IContentManager.CreateAsync, 100 per transaction (own process)", baseline);
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recipe run / baseline: {command.ItemsPerSecond / baseline.ItemsPerSecond:0.00}x the items per second, {command.CpuSeconds / baseline.CpuSeconds:0.00}x the CPU time, {command.PeakMegabytes / baseline.PeakMegabytes:0.00}x the peak memory"));
            return 0;
        }
        finally
        {
            if (!keep)
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static void Row(string name, Measurement m) => Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"| {name} | {m.Items:N0} | {m.ImportSeconds:0.0} | {m.ItemsPerSecond:N0} | {m.ProcessSeconds:0.0} | {m.CpuSeconds:0.0} | {m.PeakMegabytes:N0} |"));

    /// <summary>The authors, then the articles, written item by item (the file is never held in memory).</summary>
    private static long WriteArchiveRecipe(string file, int articles, int body)
    {
        using var stream = File.Create(file);
        using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteString("name", "Archive");
        writer.WriteStartArray("steps");
        writer.WriteStartObject();
        writer.WriteString("name", "Content");
        writer.WriteStartArray("Data");
        var generator = new ArticleGenerator(Seed);
        for (var n = 0; n < articles; n++)
        {
            var item = generator.Next(AuthorCount, body);
            item.ContentItemId = ArticleId(n);
            item.Published = true;
            item.PublishedUtc = new DateTime(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(n * 97);
            ContentItemJson.ToJson(item).WriteTo(writer);
            if (n % 1000 == 999)
            {
                writer.Flush();
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        return stream.Length;
    }

    private static string ArticleId(int n) => string.Create(CultureInfo.InvariantCulture, $"archive-{n:000000}");

    /// <summary>A first start (setup recipe, no sample content), then the authors the articles pick, by <c>recipe run</c>.</summary>
    private static async Task SetUpSiteAsync(string site, string root)
    {
        Console.WriteLine("  setting up the site (first start) ...");
        using (var host = Process.Start(WebHost($"--Cms:DataDirectory={site}", "--Cms:Setup:SampleContent=false", "--Cms:Setup:AdminPassword=Benchmark-Pass-2026!", "--urls=http://127.0.0.1:0"))!)
        {
            host.ErrorDataReceived += (_, _) => { };
            host.BeginErrorReadLine();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            while (await host.StandardOutput.ReadLineAsync(timeout.Token) is { } line && !line.Contains("Ready at", StringComparison.Ordinal))
            {
            }

            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync(CancellationToken.None);
        }

        var authors = Path.Combine(root, "authors.recipe.json");
        var data = new System.Text.Json.Nodes.JsonArray();
        for (var n = 0; n < AuthorCount; n++)
        {
            var author = ArticleGenerator.Author(n);
            author.Published = true;
            data.Add(ContentItemJson.ToJson(author));
        }

        var recipe = new System.Text.Json.Nodes.JsonObject
        {
            ["name"] = "Authors",
            ["steps"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["name"] = "Content", ["Data"] = data }),
        };
        await File.WriteAllTextAsync(authors, recipe.ToJsonString());
        var loaded = await MeasureAsync(WebHost("recipe", "run", authors, $"--Cms:DataDirectory={site}"), RecipeLine());
        if (loaded.Items != AuthorCount)
        {
            throw new InvalidOperationException($"Loading the authors reported {loaded.Items} items.");
        }
    }

    /// <summary>Runs a process to its end, sampling its peak resident memory, and reads its result line.</summary>
    private static async Task<Measurement> MeasureAsync(ProcessStartInfo start, Regex resultLine)
    {
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        Match? result = null;
        var output = process.StandardOutput;
        var reading = Task.Run(async () =>
        {
            while (await output.ReadLineAsync() is { } line)
            {
                if (resultLine.Match(line) is { Success: true } match)
                {
                    result = match;
                }
            }
        });

        double peakMegabytes = 0;
        double cpuSeconds = 0;
        while (!process.HasExited)
        {
            // Sampled: once the process is gone both read 0, so the last tenth of a second of CPU may be missing.
            peakMegabytes = Math.Max(peakMegabytes, ProcessProbe.PeakResidentMegabytes(process.Id));
            cpuSeconds = Math.Max(cpuSeconds, ProcessProbe.CpuSeconds(process.Id));
            await Task.Delay(100);
        }

        await process.WaitForExitAsync();
        await reading;
        watch.Stop();
        if (process.ExitCode != 0 || result is null)
        {
            throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}: {await errors}");
        }

        var items = int.Parse(result.Groups["items"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        var seconds = double.Parse(result.Groups["seconds"].Value, CultureInfo.InvariantCulture);
        return new Measurement(items, seconds, watch.Elapsed.TotalSeconds, peakMegabytes, cpuSeconds);
    }

    private static ProcessStartInfo WebHost(params string[] args) => ProcessProbe.Dotnet("Cms.Web.dll", args, "Development");

    private static ProcessStartInfo Self(params string[] args) => ProcessProbe.Dotnet("Cms.Benchmarks.dll", ["recipe", .. args], "Development");

    [GeneratedRegex(@"applied: \d+ steps, (?<items>[\d,]+) items in (?<seconds>[\d.]+) s")]
    private static partial Regex RecipeLine();

    [GeneratedRegex(@"baseline: (?<items>[\d,]+) items in (?<seconds>[\d.]+) s")]
    private static partial Regex BaselineLine();

    /// <summary>The child process of the baseline: the same articles through the import benchmark's path.</summary>
    private static async Task<int> BaselineAsync(string dataDirectory, int articles, int body)
    {
        await using var site = BenchmarkSite.Open(dataDirectory);
        await site.MigrateAsync();
        var generator = new ArticleGenerator(Seed);
        var watch = Stopwatch.StartNew();
        for (var done = 0; done < articles; done += 100)
        {
            await site.ImportBatchAsync(Enumerable.Range(done, Math.Min(100, articles - done)).Select(n =>
            {
                var item = generator.Next(AuthorCount, body);
                item.ContentItemId = ArticleId(n);
                return item;
            }));
        }

        watch.Stop();
        SqliteConnection.ClearAllPools();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"baseline: {articles:N0} items in {watch.Elapsed.TotalSeconds:0.0} s"));
        return 0;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private sealed record Measurement(int Items, double ImportSeconds, double ProcessSeconds, double PeakMegabytes, double CpuSeconds)
    {
        public double ItemsPerSecond => Items / ImportSeconds;
    }
}
