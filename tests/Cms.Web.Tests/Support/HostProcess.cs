using System.Diagnostics;

namespace Cms.Web.Tests.Support;

/// <summary>The host started as its own process (<c>dotnet Cms.Web.dll ...</c>), as an operator starts it; for what only a process shows: exit codes and console output.</summary>
public static class HostProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Errors)
    {
        public IReadOnlyList<string> ErrorLines => Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Runs the host with <paramref name="args"/> in Development until it exits; kills it (and fails) after <paramref name="timeout"/>.</summary>
    public static async Task<Outcome> RunAsync(IEnumerable<string> args, TimeSpan timeout, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Cms.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The host did not exit within {timeout.TotalSeconds} s. Output: {await output} {await errors}");
        }

        return new Outcome(process.ExitCode, await output, await errors);
    }

    /// <summary>Starts the host with <paramref name="args"/> in Development, reads its console until a line contains <paramref name="until"/>, then stops it; returns what it printed.</summary>
    public static async Task<string> RunUntilAsync(IEnumerable<string> args, string until, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Cms.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
            {
                output.AppendLine(line);
                if (line.Contains(until, StringComparison.Ordinal))
                {
                    return output.ToString();
                }
            }

            Assert.Fail($"The host exited before printing '{until}'. Output: {output} {await process.StandardError.ReadToEndAsync(cancel.Token)}");
            return "";
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The host did not print '{until}' within {timeout.TotalSeconds} s. Output: {output}");
            return "";
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>A TCP port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
