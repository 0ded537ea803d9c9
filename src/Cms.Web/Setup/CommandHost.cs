using Cms.Core.Settings;
using Cms.Data;
using Cms.Web.Hosting;

namespace Cms.Web.Setup;

/// <summary>
/// The services of the CMS without its web server, for the command-line commands (<c>recipe run</c>, <c>user ...</c>):
/// settings validated, database migrated, plain one-line console logging.
/// </summary>
public static class CommandHost
{
    public const int NotSetUpExitCode = 2;

    public static async Task<WebApplication> StartAsync(string[] hostArgs, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(hostArgs);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.AddCmsServices(builder.Configuration);
        var app = builder.Build();
        app.Services.ValidateCmsSettings();
        var database = app.Services.GetRequiredService<DatabaseInitializer>();
        await using (await database.LockStartupAsync(cancellationToken))
        {
            await database.MigrateAsync(cancellationToken);
        }

        return app;
    }

    /// <summary>False (with the reason on standard error) when the site has not been set up by a first start yet.</summary>
    public static async Task<bool> IsSetUpAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if ((await services.GetRequiredService<ISiteSettingsService>().GetAsync(cancellationToken)).SetupCompleted)
        {
            return true;
        }

        await Console.Error.WriteLineAsync("The site is not set up yet: start the CMS once (dotnet run --project src/Cms.Web) before running this command.");
        return false;
    }
}
