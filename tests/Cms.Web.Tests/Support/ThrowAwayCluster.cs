using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Cms.Testing;

namespace Cms.Web.Tests.Support;

/// <summary>
/// A PostgreSQL cluster of the test's own (initdb + pg_ctl in a temporary folder, as <c>.ci/postgres.sh</c> makes one),
/// which the test may stop and start: never the machine's shared server. The port is <c>CMS_TEST_CLUSTER_PORT</c> when
/// set, else one the system finds free. As root the cluster runs as the <c>postgres</c> user.
/// </summary>
public sealed class ThrowAwayCluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _root;

    private ThrowAwayCluster(string bin, string root, int port)
    {
        _bin = bin;
        _root = root;
        Port = port;
        ServerConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Password=postgres;Timeout=3;Command Timeout=10";
    }

    public int Port { get; }

    /// <summary>A connection string without a database (short connect timeout: the tests stop the server on purpose).</summary>
    public string ServerConnectionString { get; }

    public string Data => Path.Combine(_root, "data");

    /// <summary>The last lines of the server's log, for a failure message.</summary>
    public string LogTail() => string.Join('\n', File.ReadLines(Path.Combine(_root, "server.log")).TakeLast(15));

    public static async Task<ThrowAwayCluster> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
            : null;
        if (bin is null)
        {
            if (TestEnvironment.IsCi)
            {
                throw new InvalidOperationException("PostgreSQL's initdb was not found under /usr/lib/postgresql, but CI must run the database fault tests.");
            }

            Skip.If(true, "The database fault tests need PostgreSQL's initdb and pg_ctl (apt-get install postgresql).");
        }

        var root = Path.Combine("/tmp", "cms-fault-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        await File.WriteAllTextAsync(Path.Combine(root, "password"), "postgres\n");
        if (IsRoot)
        {
            await RunAsync("chown", "-R", "postgres:", root);
        }

        var port = int.TryParse(Environment.GetEnvironmentVariable("CMS_TEST_CLUSTER_PORT"), out var fixedPort) ? fixedPort : FreePort();
        var cluster = new ThrowAwayCluster(bin!, root, port);
        await cluster.AsPostgresAsync("initdb", "-D", cluster.Data, "-U", "postgres", $"--pwfile={Path.Combine(root, "password")}",
            "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale");
        await cluster.StartServerAsync();
        return cluster;
    }

    public Task StartServerAsync() => AsPostgresAsync("pg_ctl", "-D", Data, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60",
        "-o", $"-c listen_addresses=127.0.0.1 -c port={Port} -c unix_socket_directories={_root} -c max_connections=200 -c fsync=off", "start");

    /// <summary>Stops the server as an operator restarting it would (fast: open transactions are rolled back).</summary>
    public Task StopServerAsync() => AsPostgresAsync("pg_ctl", "-D", Data, "-m", "fast", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await AsPostgresAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_root, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task AsPostgresAsync(string tool, params string[] arguments) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments]) : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output} {await errors}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
