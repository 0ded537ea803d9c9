using System.Diagnostics;
using System.Globalization;

namespace Cms.Benchmarks;

/// <summary>
/// The benchmarks' one view of processes: starting a build output as a child (<c>dotnet &lt;dll&gt;</c> in the build
/// folder, its output redirected), and what the kernel tells about it in <c>/proc</c> (Linux): its resident memory now
/// (VmRSS) and at its peak (VmHWM, resettable), its CPU time, and the machine's load average beside the figures.
/// A process that is gone reads as 0.
/// </summary>
internal static class ProcessProbe
{
    /// <summary>The kernel's unit for CPU times in <c>/proc</c> (USER_HZ, 100 on Linux).</summary>
    private const double ClockTicksPerSecond = 100;

    /// <summary>
    /// <c>dotnet &lt;dll&gt; &lt;args&gt;</c> for a dll of this build, run in the build folder with standard output and
    /// error redirected, in the host environment <paramref name="environment"/> (Production, Development).
    /// </summary>
    public static ProcessStartInfo Dotnet(string dll, IEnumerable<string> args, string environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        start.Environment["DOTNET_NOLOGO"] = "1";
        return start;
    }

    /// <summary>VmRSS: the resident set size of the process now, in MB.</summary>
    public static double ResidentMegabytes(int pid) => StatusKilobytes(pid, "VmRSS:") / 1024.0;

    /// <summary>VmHWM: the peak resident set size the kernel keeps for the process (since start or the last <see cref="ResetPeakResident"/>), in MB.</summary>
    public static double PeakResidentMegabytes(int pid) => StatusKilobytes(pid, "VmHWM:") / 1024.0;

    /// <summary>Resets the kernel's peak resident memory of the process to its current value (writing 5 to clear_refs).</summary>
    public static void ResetPeakResident(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not allowed here: the peak then covers the process's whole life so far.
        }
    }

    /// <summary>User plus system CPU time of the process so far (fields 14 and 15 of <c>/proc/pid/stat</c>), in seconds.</summary>
    public static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The load average over 1, 5 and 15 minutes, to print beside figures measured on a shared machine.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]);
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static long StatusKilobytes(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}
