extern alias web;

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Cms.Media.Derivatives;
using Cms.Media.Library;
using Cms.Media.Profiles;
using Cms.Recipes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using web::Cms.Web.Hosting;

namespace Cms.Benchmarks;

/// <summary>
/// The media library over real HTTP (Kestrel on loopback, Production environment, SQLite), side by side in one run:
/// the first (uncached) hero derivative of a 24-megapixel JPEG with its time and the process's peak memory; a cached
/// derivative's requests per second against the same bytes served as a static file by the same host; and the upload
/// throughput of 100 photos through <c>POST /api/media</c>.
/// </summary>
public static class MediaBenchmark
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public const string Options = "[--connections 32] [--seconds 10] [--warmup 5] [--uploads 100] [--upload-connections 4]";

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = Settings.Parse(args);
        if (settings is null)
        {
            Console.Error.WriteLine("media " + Options);
            return 2;
        }

        var root = Path.Combine(Path.GetTempPath(), "cms-benchmark", Guid.NewGuid().ToString("N"));
        try
        {
            Console.WriteLine($"Media benchmark on SQLite: {settings.Connections} connections, {settings.Seconds} s per run after {settings.Warmup} s warm-up, {Environment.ProcessorCount} cores");
            await using var app = await StartHostAsync(root);
            var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(app, client));

            // 1. The first derivative of a 24-megapixel photo.
            var big = Photo(6000, 4000, seed: 1);
            Console.WriteLine($"  24 MP JPEG: 6000x4000, {big.Length / 1024.0 / 1024:0.0} MB");
            var item = await UploadAsync(client, big, "big.jpg");
            string heroUrl;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var hero = (await scope.ServiceProvider.GetRequiredService<MediaProfileStore>().FindAsync("hero"))!;
                heroUrl = scope.ServiceProvider.GetRequiredService<DerivativeUrls>().ForProfile(item.Path, item.ContentHash, hero, null, item.FocalPoint, "jpeg");
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var before = process.WorkingSet64;
            var peak = before;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    process.Refresh();
                    peak = Math.Max(peak, process.WorkingSet64);
                    await Task.Delay(5);
                }
            });
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var derivative = await client.GetByteArrayAsync(heroUrl);
            var firstRender = watch.Elapsed;
            await sampling.CancelAsync();
            await sampler;
            Console.WriteLine($"  first hero derivative (1600x900 JPEG, {derivative.Length / 1024.0:0} KB): {firstRender.TotalMilliseconds:N0} ms; peak working set +{(peak - before) / 1024.0 / 1024:N0} MB over {before / 1024.0 / 1024:N0} MB; {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / 1024:N0} MB allocated");
            watch.Restart();
            await client.GetByteArrayAsync(heroUrl);
            Console.WriteLine($"  the same derivative again (from the disk cache): {watch.Elapsed.TotalMilliseconds:0.0} ms");

            // 2. A cached derivative against the same bytes as a static file, same host, same connections.
            var staticPath = Path.Combine(root, "Media", "bench", "hero-copy.jpg");
            Directory.CreateDirectory(Path.GetDirectoryName(staticPath)!);
            await File.WriteAllBytesAsync(staticPath, derivative);
            var results = new List<(string Name, double RequestsPerSecond)>
            {
                ("static file, same bytes (/media/bench/hero-copy.jpg)", await LoadAsync(baseUrl + "/media/bench/hero-copy.jpg", derivative.Length, settings)),
                ("cached derivative (signed hero URL)", await LoadAsync(baseUrl + heroUrl, derivative.Length, settings)),
            };
            Console.WriteLine();
            Console.WriteLine("| what | requests/s | vs static file |");
            Console.WriteLine("|---|---:|---:|");
            foreach (var (name, rps) in results)
            {
                Console.WriteLine($"| {name} | {rps:N0} | {rps / results[0].RequestsPerSecond:P0} |");
            }

            // 3. Upload throughput.
            var photos = Enumerable.Range(0, 8).Select(i => Photo(3000, 2000, seed: 10 + i)).ToArray();
            var totalBytes = 0L;
            var next = -1;
            watch.Restart();
            await Task.WhenAll(Enumerable.Range(0, settings.UploadConnections).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < settings.Uploads)
                {
                    var bytes = photos[i % photos.Length];
                    await UploadAsync(client, bytes, $"photo-{i}.jpg");
                    Interlocked.Add(ref totalBytes, bytes.Length);
                }
            })));
            var uploadTime = watch.Elapsed;
            Console.WriteLine();
            Console.WriteLine($"  uploads: {settings.Uploads} photos of 6 MP ({totalBytes / 1024.0 / 1024:N0} MB) over {settings.UploadConnections} connections in {uploadTime.TotalSeconds:0.0} s: {settings.Uploads / uploadTime.TotalSeconds:0.0} photos/s, {totalBytes / 1024.0 / 1024 / uploadTime.TotalSeconds:0.0} MB/s");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<WebApplication> StartHostAsync(string dataDirectory)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cms:DataDirectory"] = dataDirectory,
            ["Cms:Setup:SampleContent"] = "false",
            ["Cms:Setup:AdminPassword"] = "Benchmark-Admin-Password-1",
            // Tokens come from /connect/token over loopback HTTP.
            ["Cms:OpenId:AllowHttp"] = "true",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft"] = "Warning",
            ["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Warning",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddCmsHost();
        var app = builder.Build();
        await app.InitializeCmsAsync();
        app.UseCmsHost();
        await app.StartAsync();
        return app;
    }

    private static async Task<string> TokenAsync(WebApplication app, HttpClient client)
    {
        const string Secret = "benchmark-media-secret-0123456789";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var recipe = $$"""
                { "name": "bench", "steps": [ { "name": "OpenIdApplication", "ClientId": "bench-media", "DisplayName": "bench-media", "Type": "Confidential",
                  "ClientSecret": "{{Secret}}", "AllowClientCredentialsFlow": true, "RoleEntries": [ { "Name": "Editor" } ] } ] }
                """;
            await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, AppContext.BaseDirectory, new RecipeParameters());
        }

        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "bench-media",
            ["client_secret"] = Secret,
            ["scope"] = "cms_api",
        }));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
    }

    private static async Task<MediaItem> UploadAsync(HttpClient client, byte[] bytes, string name)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
        using var response = await client.PostAsync("/api/media", form);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Upload of {name} answered {(int)response.StatusCode}: {text}");
        }

        return JsonSerializer.Deserialize<MediaItem>(text, Web)!;
    }

    /// <summary>A photo-like JPEG: smooth gradients with fine noise, so it compresses like a real picture.</summary>
    private static byte[] Photo(int width, int height, int seed)
    {
        var random = new Random(seed);
        using var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var noise = random.Next(-12, 13);
                    row[x] = new Rgb24(
                        (byte)Math.Clamp((x * 255 / width) + noise, 0, 255),
                        (byte)Math.Clamp((y * 255 / height) + noise, 0, 255),
                        (byte)Math.Clamp(128 + (int)(60 * Math.Sin((x + y) / 90.0)) + noise, 0, 255));
                }
            }
        });
        using var output = new MemoryStream();
        image.SaveAsJpeg(output, new JpegEncoder { Quality = 88 });
        return output.ToArray();
    }

    private static async Task<double> LoadAsync(string url, int expectedLength, Settings settings)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = settings.Connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler);
        await RunAsync(client, url, expectedLength, settings.Connections, TimeSpan.FromSeconds(settings.Warmup));
        return await RunAsync(client, url, expectedLength, settings.Connections, TimeSpan.FromSeconds(settings.Seconds));
    }

    private static async Task<double> RunAsync(HttpClient client, string url, int expectedLength, int connections, TimeSpan duration)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var counts = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var count = 0;
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                using var response = await client.GetAsync(url);
                var bytes = await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != HttpStatusCode.OK || bytes.Length != expectedLength)
                {
                    throw new InvalidOperationException($"{url} answered {(int)response.StatusCode} with {bytes.Length} bytes.");
                }

                count++;
            }

            return count;
        })));
        return counts.Sum() / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private sealed record Settings(int Connections, int Seconds, int Warmup, int Uploads, int UploadConnections)
    {
        public static Settings? Parse(string[] args)
        {
            var values = new Dictionary<string, int>(StringComparer.Ordinal) { ["--connections"] = 32, ["--seconds"] = 10, ["--warmup"] = 5, ["--uploads"] = 100, ["--upload-connections"] = 4 };
            for (var i = 0; i < args.Length; i += 2)
            {
                if (!values.ContainsKey(args[i]) || i + 1 >= args.Length || !int.TryParse(args[i + 1], out var value) || value <= 0)
                {
                    return null;
                }

                values[args[i]] = value;
            }

            return new Settings(values["--connections"], values["--seconds"], values["--warmup"], values["--uploads"], values["--upload-connections"]);
        }
    }
}
