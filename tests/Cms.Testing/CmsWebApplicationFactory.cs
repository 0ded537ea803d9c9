using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Testing;

/// <summary>
/// The real host on a temporary data directory (its own SQLite file, or a PostgreSQL database), set up with the
/// newsroom recipe and a known administrator password. Sample content is off unless asked for.
/// </summary>
public class CmsWebApplicationFactory : WebApplicationFactory<Program>
{
    public const string AdminUserName = "admin";
    public const string AdminPassword = "Test-Admin-Password-1";

    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private readonly List<Action<IServiceCollection>> _services = [];

    public CmsWebApplicationFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "cms-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        _settings["Cms:DataDirectory"] = DataDirectory;
        _settings["Cms:Setup:AdminPassword"] = AdminPassword;
        _settings["Cms:Setup:AdminUserName"] = AdminUserName;
        _settings["Cms:Setup:SampleContent"] = "false";

        // Integration tests sign in and ask for tokens many times a minute from one address; the tests of the
        // sign-in rate limits set their own, small limits.
        _settings["Cms:Security:SignInRateLimit:PermitsPerAddress"] = "100000";
        _settings["Cms:Security:SignInRateLimit:PermitsPerAccount"] = "100000";
    }

    public string DataDirectory { get; }

    public string Environment { get; set; } = "Development";

    public CmsWebApplicationFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public CmsWebApplicationFactory WithSampleContent() => WithSetting("Cms:Setup:SampleContent", "true");

    public CmsWebApplicationFactory WithPostgres(string connectionString) =>
        WithSetting("Cms:Database:Provider", "Postgres").WithSetting("ConnectionStrings:Cms", connectionString);

    public CmsWebApplicationFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a finishing request; the temp folder is cleaned by the OS.
            }
        }
    }
}
