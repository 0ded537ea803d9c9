using System.Diagnostics.CodeAnalysis;
using Cms.Core.Settings;
using Cms.Data;
using Cms.Web.Hosting;

namespace Cms.Web.Setup;

/// <summary>
/// The services of the CMS without its web server, for the command-line commands (<c>recipe run</c>, <c>user ...</c>,
/// <c>media backfill</c>, ...): settings validated, database migrated, plain one-line console logging, and the command
/// run in one service scope once the site has been set up.
/// </summary>
public static class CommandHost
{
    public const int NotSetUpExitCode = 2;

    /// <summary>
    /// Recognises <c>&lt;verb&gt; &lt;action&gt; ...</c> (e.g. <c>search rebuild</c>); every argument after the two goes
    /// to <paramref name="rest"/> (the host configuration, e.g. <c>--Cms:DataDirectory=...</c>, after any the command takes first).
    /// </summary>
    public static bool TryParse(string[] args, string verb, string action, [NotNullWhen(true)] out string[]? rest)
    {
        rest = null;
        if (args.Length < 2 || args[0] != verb || args[1] != action)
        {
            return false;
        }

        rest = args[2..];
        return true;
    }

    /// <summary>
    /// Starts the services with <paramref name="hostArgs"/> and runs <paramref name="command"/> in one scope, returning
    /// its exit code; <see cref="NotSetUpExitCode"/> (with the reason on standard error) when the site has not been set
    /// up by a first start yet.
    /// </summary>
    public static async Task<int> RunAsync(string[] hostArgs, Func<IServiceProvider, CancellationToken, Task<int>> command, CancellationToken cancellationToken = default)
    {
        await using var app = await StartAsync(hostArgs, cancellationToken);
        await using var scope = app.Services.CreateAsyncScope();
        if (!await IsSetUpAsync(scope.ServiceProvider, cancellationToken))
        {
            return NotSetUpExitCode;
        }

        return await command(scope.ServiceProvider, cancellationToken);
    }

    private static async Task<WebApplication> StartAsync(string[] hostArgs, CancellationToken cancellationToken)
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

    private static async Task<bool> IsSetUpAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if ((await services.GetRequiredService<ISiteSettingsService>().GetAsync(cancellationToken)).SetupCompleted)
        {
            return true;
        }

        await Console.Error.WriteLineAsync("The site is not set up yet: start the CMS once (dotnet run --project src/Cms.Web) before running this command.");
        return false;
    }
}
