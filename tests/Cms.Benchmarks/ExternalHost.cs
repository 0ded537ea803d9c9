extern alias web;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Recipes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using web::Cms.Web.Hosting;

namespace Cms.Benchmarks;

/// <summary>
/// The child processes of the external benchmark (<see cref="ExternalBenchmark"/>). <c>seed</c> makes a site (first
/// start with the setup recipe, no sample content) and loads the authors and articles through the recipe import, the
/// path of <c>recipe run</c>, then exits. <c>serve</c> runs the CMS host as <c>Cms.Web</c> composes it (Production,
/// response cache off unless asked) plus <c>POST /baseline/{name}</c>, which answers with bytes the driver captured
/// from the real endpoint, so the baseline goes through the same host, Kestrel and middleware, and
/// <c>GET /benchmark/allocated</c>, the bytes the host has allocated so far.
/// </summary>
public static class ExternalHost
{
    public const string Command = "external-host";

    public const string ListeningLine = "external-host: listening";

    public const int AuthorCount = 40;

    public const string AllocatedPath = "/benchmark/allocated";

    /// <summary>Entry point: <c>external-host seed|serve --data DIR [--postgres CS] [--port N] [--articles N] [--response-cache]</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var mode = args.FirstOrDefault();
        string Option(string name, string fallback) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        var data = Option("--data", "");
        var postgres = Option("--postgres", "");
        var port = int.Parse(Option("--port", "0"), CultureInfo.InvariantCulture);
        var articles = int.Parse(Option("--articles", "2000"), CultureInfo.InvariantCulture);
        var responseCache = args.Contains("--response-cache");
        if (data.Length == 0 || mode is not ("seed" or "serve"))
        {
            Console.Error.WriteLine($"{Command} seed|serve --data DIR [--postgres CS] [--port N] [--articles N] [--response-cache]");
            return 2;
        }

        await using var app = Build(data, postgres.Length == 0 ? null : postgres, port, responseCache);
        await app.InitializeCmsAsync();
        if (mode == "seed")
        {
            await SeedAsync(app.Services, data, articles);
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            return 0;
        }

        app.UseCmsHost();
        var baseline = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        app.MapPost("/baseline/{name:regex(^[a-z0-9]+$)}", async (HttpContext http, string name) =>
        {
            // Reads the request like the GraphQL endpoint does, then writes the captured answer of the real endpoint.
            using var reader = new StreamReader(http.Request.Body);
            await reader.ReadToEndAsync(http.RequestAborted);
            var bytes = baseline.GetOrAdd(name, n => File.ReadAllBytes(Path.Combine(data, "baseline", n + ".json")));
            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.ContentLength = bytes.Length;
            await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
        });
        // What the host has allocated so far (all threads), read by the driver before and after a measured run.
        app.MapGet(AllocatedPath, () => GC.GetTotalAllocatedBytes(precise: false));
        await app.StartAsync();
        Console.WriteLine(ListeningLine);
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static WebApplication Build(string data, string? postgres, int port, bool responseCache)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cms:DataDirectory"] = data,
            ["Cms:Database:Provider"] = postgres is null ? "Sqlite" : "Postgres",
            ["ConnectionStrings:Cms"] = postgres,
            ["Cms:Setup:SampleContent"] = "false",
            ["Cms:Setup:AdminPassword"] = "Benchmark-Admin-Password-1",
            ["Cms:GraphQL:EnableResponseCache"] = responseCache ? "true" : "false",
            ["Cms:OpenId:Issuer"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"),
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft"] = "Warning",
            ["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Warning",
        });
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        builder.AddCmsHost();
        return builder.Build();
    }

    /// <summary>
    /// The authors, then the articles (newest last, one a day back from a fixed date, an explicit path each) as one
    /// recipe run through <see cref="RecipeExecutor"/>; the path of every 97th article is written to <c>paths.txt</c>.
    /// </summary>
    private static async Task SeedAsync(IServiceProvider services, string data, int articles)
    {
        var watch = Stopwatch.StartNew();
        var recipe = Path.Combine(data, "seed.recipe.json");
        var paths = new List<string>();
        await using (var stream = File.Create(recipe))
        await using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("name", "Benchmark seed");
            writer.WriteStartArray("steps");
            writer.WriteStartObject();
            writer.WriteString("name", "Content");
            writer.WriteStartArray("Data");
            for (var n = 0; n < AuthorCount; n++)
            {
                var author = ArticleGenerator.Author(n);
                author.Published = true;
                ContentItemJson.ToJson(author).WriteTo(writer);
            }

            var generator = new ArticleGenerator(seed: 15);
            var newest = new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);
            for (var n = 0; n < articles; n++)
            {
                var item = generator.Next(AuthorCount);
                item.ContentItemId = string.Create(CultureInfo.InvariantCulture, $"bench-{n:000000}");
                item.Published = true;
                item.PublishedUtc = newest.AddMinutes(-37.0 * (articles - n));
                var path = string.Create(CultureInfo.InvariantCulture, $"articles/{Slug(item)}-{n}");
                item.Content["AutoroutePart"] = new JsonObject { ["Path"] = path };
                if (n % 97 == 0)
                {
                    paths.Add(path);
                }

                ContentItemJson.ToJson(item).WriteTo(writer);
                if (n % 1000 == 999)
                {
                    await writer.FlushAsync();
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteFileAsync(recipe, new RecipeParameters());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  seeded {articles:N0} articles and {AuthorCount} authors in {watch.Elapsed.TotalSeconds:0.0} s ({result.Items:N0} items)"));
        }

        File.Delete(recipe);
        await File.WriteAllLinesAsync(Path.Combine(data, "paths.txt"), paths);
    }

    private static string Slug(ContentItem item)
    {
        var title = item.Content["TitlePart"]?["Title"]?.GetValue<string>() ?? "article";
        var chars = title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        return string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}
