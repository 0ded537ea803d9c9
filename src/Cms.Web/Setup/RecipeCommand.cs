using Cms.Core.Settings;
using Cms.Data;
using Cms.Data.Entities;
using Cms.Recipes;
using Cms.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace Cms.Web.Setup;

/// <summary><c>dotnet run --project src/Cms.Web -- recipe run &lt;file&gt;</c>: applies a recipe to the configured database.</summary>
public static class RecipeCommand
{
    public static bool TryParse(string[] args, out string file, out string[] hostArgs)
    {
        if (args.Length >= 3 && args[0] == "recipe" && args[1] == "run")
        {
            file = args[2];
            hostArgs = args[3..];
            return true;
        }

        file = "";
        hostArgs = args;
        return false;
    }

    public static async Task<int> RunAsync(string file, string[] hostArgs)
    {
        var builder = WebApplication.CreateBuilder(hostArgs);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.AddCmsServices(builder.Configuration);
        await using var app = builder.Build();
        await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (!(await services.GetRequiredService<ISiteSettingsService>().GetAsync()).SetupCompleted)
        {
            await Console.Error.WriteLineAsync("The site is not set up yet: start the CMS once (dotnet run --project src/Cms.Web) before running recipes.");
            return 2;
        }

        var admin = (await services.GetRequiredService<UserManager<CmsUser>>().GetUsersInRoleAsync(Security.Setup.AdministratorSetup.AdministratorRole)).OrderBy(u => u.CreatedUtc).FirstOrDefault();
        var parameters = new RecipeParameters { ["AdminUserId"] = admin?.Id ?? "", ["AdminUsername"] = admin?.UserName ?? "" };
        try
        {
            var result = await services.GetRequiredService<RecipeExecutor>().ExecuteFileAsync(Path.GetFullPath(file), parameters);
            Console.WriteLine($"Recipe '{result.Name}' applied: {result.Steps} steps in {result.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        }
        catch (RecipeException ex)
        {
            await Console.Error.WriteLineAsync($"Recipe failed, nothing was changed. {ex.Message}");
            return 1;
        }
    }
}
