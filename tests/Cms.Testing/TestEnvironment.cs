using Xunit;

namespace Cms.Testing;

/// <summary>
/// What the machine offers tests. A test needing something missing skips locally and fails in CI (<c>CI=true</c>),
/// so a green CI always means the test really ran.
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "CMS_TEST_POSTGRES";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A server connection string (no database), e.g. <c>Host=127.0.0.1;Username=postgres;Password=postgres</c>.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CMS_TEST_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Skips (locally) or fails (in CI) when PostgreSQL is not configured; returns the server connection string.</summary>
    public static string RequirePostgres()
    {
        if (PostgresServer is { } server)
        {
            return server;
        }

        if (IsCi)
        {
            throw new InvalidOperationException($"{PostgresVariable} is not set, but CI must run the PostgreSQL tests.");
        }

        Skip.If(true, $"PostgreSQL tests need {PostgresVariable} (a server connection string); .ci/run sets it.");
        return "";
    }

    /// <summary>Skips (locally) or fails (in CI) when Chromium is missing.</summary>
    public static string RequireChromium()
    {
        if (File.Exists(ChromiumPath))
        {
            return ChromiumPath;
        }

        if (IsCi)
        {
            throw new InvalidOperationException($"Chromium was not found at {ChromiumPath}, but CI must run the browser tests.");
        }

        Skip.If(true, $"Browser tests need Chromium at {ChromiumPath} (apt-get install chromium).");
        return "";
    }
}
