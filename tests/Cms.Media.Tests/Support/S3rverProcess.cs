using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.S3;
using Cms.Testing;

namespace Cms.Media.Tests.Support;

/// <summary>
/// s3rver (npm, installed by this project's build) on a free port of 127.0.0.1 with one bucket, in a temporary
/// folder; its own client reads the bucket directly. Without Node.js or the package the tests skip locally and fail
/// in CI.
/// </summary>
public sealed partial class S3rverProcess : IAsyncLifetime
{
    public const string Bucket = "newsroom-media";

    // s3rver's built-in credentials.
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cms-s3rver", Guid.NewGuid().ToString("N"));
    private Process? _process;

    public string ServiceUrl { get; private set; } = "";

    public string? Unavailable { get; private set; }

    public AmazonS3Client Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var script = typeof(S3rverProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "S3rverScript")?.Value;
        if (script is null || !File.Exists(script))
        {
            Unavailable = $"s3rver is not installed ({script}): build tests/Cms.Media.Tests with npm available.";
            return;
        }

        Directory.CreateDirectory(Path.Combine(_folder, "data"));
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { script, "-d", Path.Combine(_folder, "data"), "-a", "127.0.0.1", "-p", "0", "--no-vhost-buckets", "--configure-bucket", Bucket },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Unavailable = $"Node.js could not be started ({e.Message}).";
            return;
        }

        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (Listening().Match(line) is { Success: true } match)
            {
                ServiceUrl = $"http://127.0.0.1:{match.Groups[1].Value}";
                break;
            }
        }

        if (ServiceUrl.Length == 0)
        {
            Unavailable = "s3rver ended without listening.";
            return;
        }

        // Keep reading its output so it never blocks on a full pipe.
        _ = _process.StandardOutput.ReadToEndAsync();
        Client = new AmazonS3Client(new BasicAWSCredentials(AccessKey, SecretKey), new AmazonS3Config
        {
            ServiceURL = ServiceUrl,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
    }

    /// <summary>Skips (locally) or fails (in CI) when the server could not be started.</summary>
    public void Require()
    {
        if (Unavailable is null)
        {
            return;
        }

        if (TestEnvironment.IsCi)
        {
            throw new InvalidOperationException($"CI must run the S3 media store tests: {Unavailable}");
        }

        Skip.If(true, Unavailable);
    }

    /// <summary>The settings that put a host's media in this server's bucket.</summary>
    public void Configure(CmsWebApplicationFactory factory, string prefix = "")
    {
        factory.WithSetting("Cms:Media:Store", "S3")
            .WithSetting("Cms:Media:S3:Bucket", Bucket)
            .WithSetting("Cms:Media:S3:ServiceUrl", ServiceUrl)
            .WithSetting("Cms:Media:S3:AccessKey", AccessKey)
            .WithSetting("Cms:Media:S3:SecretKey", SecretKey)
            .WithSetting("Cms:Media:S3:Prefix", prefix);
    }

    public Task DisposeAsync()
    {
        Client?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }

    [GeneratedRegex(@"S3rver listening on [^:]+:(\d+)")]
    private static partial Regex Listening();
}
