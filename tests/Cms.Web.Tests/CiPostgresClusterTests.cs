using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Cms.Testing;

namespace Cms.Web.Tests;

/// <summary>
/// <c>.ci/run</c>'s own PostgreSQL cluster (<c>.ci/postgres.sh</c>), run on its own: it comes up on a free port and answers
/// the test login, it fails loudly when it cannot start, and its folder is deleted at the end either way. The test suite
/// itself is not run. CI runs on Linux, as the script does.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class CiPostgresClusterTests : IDisposable
{
    private readonly string _fakeBin = Path.Combine(Path.GetTempPath(), "cms-ci-test", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_fakeBin))
        {
            Directory.Delete(_fakeBin, recursive: true);
        }
    }

    [SkippableFact]
    public async Task The_cluster_comes_up_on_a_free_port_answers_the_test_login_and_is_deleted_at_the_end()
    {
        RequirePostgresBinaries();

        var (exitCode, output, errors) = await RunAsync(
            """
            source .ci/postgres.sh
            trap pg_stop EXIT
            pg_start
            echo "root=$pg_root port=$pg_port"
            echo "variable=$CMS_TEST_POSTGRES"
            PGPASSWORD=postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qtAc "select 'cluster answers'"
            """);

        Assert.True(exitCode == 0, $"exit {exitCode}: {output} {errors}");
        Assert.Contains("cluster answers", output, StringComparison.Ordinal);
        var match = Started().Match(output);
        Assert.True(match.Success, output);
        var root = match.Groups["root"].Value;
        var port = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"variable=Host=127.0.0.1;Port={port};Username=postgres;Password=postgres", output, StringComparison.Ordinal);
        Assert.NotEqual(5432, port);

        // Stopped and deleted at the end.
        Assert.False(Directory.Exists(root), $"{root} is still there.");
        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port));
    }

    [SkippableFact]
    public async Task A_cluster_that_cannot_start_fails_loudly_with_exit_code_1_and_is_still_deleted()
    {
        var realBin = RequirePostgresBinaries();

        // initdb works, but every start fails, as when the server cannot bind or crashes at once.
        Directory.CreateDirectory(_fakeBin);
        Executable("initdb", $"#!/bin/sh\nexec '{realBin}/initdb' \"$@\"\n");
        Executable("pg_ctl", "#!/bin/sh\necho 'pg_ctl: could not start server' >&2\nexit 1\n");
        var (exitCode, output, errors) = await RunAsync(
            """
            source .ci/postgres.sh
            trap 'pg_stop; echo "root=$pg_root"' EXIT
            pg_start
            echo "should not get here"
            """,
            ("CI_PG_BIN", _fakeBin));

        Assert.Equal(1, exitCode);
        Assert.DoesNotContain("should not get here", output, StringComparison.Ordinal);
        Assert.Contains("ci: PostgreSQL did not start on port", errors, StringComparison.Ordinal);
        Assert.EndsWith("ci: the PostgreSQL cluster did not start (server log above).", errors.Trim(), StringComparison.Ordinal);
        var root = Regex.Match(output, @"root=(\S+)").Groups[1].Value;
        Assert.StartsWith("/tmp/cms-ci-postgres.", root, StringComparison.Ordinal);
        Assert.False(Directory.Exists(root), $"{root} is still there.");
    }

    [Fact]
    public async Task Missing_PostgreSQL_binaries_are_named()
    {
        Directory.CreateDirectory(_fakeBin);

        var (exitCode, _, errors) = await RunAsync("source .ci/postgres.sh\ntrap pg_stop EXIT\npg_start\n", ("CI_PG_BIN", _fakeBin));

        Assert.Equal(1, exitCode);
        Assert.Equal($"ci: PostgreSQL's initdb and pg_ctl were not found under {_fakeBin}.", errors.Trim());
    }

    private void Executable(string name, string script)
    {
        var file = Path.Combine(_fakeBin, name);
        File.WriteAllText(file, script);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    /// <summary>The newest PostgreSQL bin folder; skips locally (fails in CI) when PostgreSQL is not installed.</summary>
    private static string RequirePostgresBinaries()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderBy(b => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : new Version(0, 0)).LastOrDefault()
            : null;
        if (bin is null && TestEnvironment.IsCi)
        {
            throw new InvalidOperationException("PostgreSQL's binaries are not under /usr/lib/postgresql, but CI must test its cluster.");
        }

        Skip.If(bin is null, "The CI cluster test needs PostgreSQL's binaries (apt-get install postgresql).");
        return bin!;
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string script, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("set -euo pipefail\n" + script);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await output, await errors);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, ".ci", "postgres.sh")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (.ci/postgres.sh) was not found above the test binaries.");
    }

    [GeneratedRegex(@"root=(?<root>\S+) port=(?<port>\d+)")]
    private static partial Regex Started();
}
