using System.Diagnostics;

namespace Cms.Web.Tests;

/// <summary>
/// The admin's build steps as a newcomer meets them: a machine without npm gets one error line naming what to install,
/// and the first build says what it is doing even under <c>dotnet run</c>'s quiet verbosity.
/// </summary>
public sealed class AdminBuildTests : IDisposable
{
    private const string MissingNpm = "TheAdmin: npm was not found. The admin's front-end packages need Node.js 20 or later with npm: install it (https://nodejs.org, or e.g. apt-get install nodejs npm) and build again.";

    private readonly string _bin = Path.Combine(Path.GetTempPath(), "cms-admin-build", Guid.NewGuid().ToString("N"));

    public AdminBuildTests()
    {
        // A PATH with a shell (MSBuild's Exec runs its commands with sh) and nothing else: no npm.
        Directory.CreateDirectory(_bin);
        File.CreateSymbolicLink(Path.Combine(_bin, "sh"), "/bin/sh");
    }

    public void Dispose() => Directory.Delete(_bin, recursive: true);

    [Fact]
    public async Task Without_npm_the_admin_build_fails_with_one_line_naming_what_to_install()
    {
        var (exitCode, output) = await MSBuildAsync(_bin, "-t:AdminRequireNpm");

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(Lines(output));
        Assert.EndsWith("error : " + MissingNpm, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_npm_on_the_path_the_check_passes_silently()
    {
        // npm is a prerequisite of the build itself, so the machine running the tests has it.
        var npm = FindOnPath("npm") ?? throw new InvalidOperationException("npm is not on the PATH.");

        var (exitCode, output) = await MSBuildAsync($"{_bin}{Path.PathSeparator}{Path.GetDirectoryName(npm)}", "-t:AdminRequireNpm");

        Assert.Equal(0, exitCode);
        Assert.Empty(Lines(output));
    }

    [Fact]
    public async Task The_first_build_says_it_is_building_the_admin_assets_on_the_terminal_even_at_quiet_verbosity()
    {
        // dotnet run builds with -verbosity:quiet; script gives the build a terminal, as a newcomer's shell does.
        var dotnet = Dotnet();
        var project = Path.Combine(RepositoryRoot(), "themes", "TheAdmin", "TheAdmin.csproj");
        // script comes with util-linux, on every Debian and Ubuntu machine.
        var (exitCode, output) = await RunAsync("script", ["-qec", $"'{dotnet}' msbuild '{project}' -t:AdminAnnounceNpmInstall -nologo -verbosity:quiet", "/dev/null"], Environment.GetEnvironmentVariable("PATH")!);
        var (quietExitCode, quietOutput) = await MSBuildAsync(Environment.GetEnvironmentVariable("PATH")!, "-t:AdminAnnounceNpmInstall");

        Assert.Equal(0, exitCode);
        Assert.Contains("TheAdmin: building the admin assets (npm ci, first build only, about a minute)...", output, StringComparison.Ordinal);

        // Without a terminal (CI) nothing is written around the build log and nothing fails.
        Assert.Equal(0, quietExitCode);
        Assert.Empty(Lines(quietOutput));
    }

    private static string[] Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Task<(int ExitCode, string Output)> MSBuildAsync(string path, string target) =>
        RunAsync(Dotnet(), ["msbuild", Path.Combine(RepositoryRoot(), "themes", "TheAdmin", "TheAdmin.csproj"), target, "-nologo", "-verbosity:quiet"], path);

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> args, string path)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PATH"] = path;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            // Set by the test run's own build host; a fresh build must find its own.
            start.Environment.Remove(name);
        }
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>The dotnet executable itself (symbolic links followed), so a PATH without its folder still runs it.</summary>
    private static string Dotnet()
    {
        var found = FindOnPath("dotnet") ?? throw new InvalidOperationException("dotnet is not on the PATH.");
        return new FileInfo(found).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? found;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Cms.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Cms.sln) was not found above the test binaries.");
    }
}
