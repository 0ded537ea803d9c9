using Cms.Web.Hosting;
using Cms.Web.Setup;

args = CallerDirectory.Take(args, out var callerDirectory);
if (RecipeCommand.TryParse(args, callerDirectory, out var recipeCommand))
{
    return await StartupFailure.GuardAsync(() => RecipeCommand.RunAsync(recipeCommand));
}

if (UserCommand.TryParse(args, out var userCommand))
{
    return await StartupFailure.GuardAsync(() => UserCommand.RunAsync(userCommand));
}

if (RecipeExportCommand.TryParse(args, callerDirectory, out var exportFolder, out var exportHostArgs))
{
    return await StartupFailure.GuardAsync(() => RecipeExportCommand.RunAsync(exportFolder, exportHostArgs));
}

if (MediaCommand.TryParse(args, out var mediaHostArgs))
{
    return await StartupFailure.GuardAsync(() => MediaCommand.RunAsync(mediaHostArgs));
}

if (SearchCommand.TryParse(args, out var searchHostArgs))
{
    return await StartupFailure.GuardAsync(() => SearchCommand.RunAsync(searchHostArgs));
}

// A start that fails (a bad setting, a busy port, an unreachable database) prints one line per problem and exits with 1.
return await StartupFailure.GuardAsync(async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddCmsHost();

    var app = builder.Build();
    await app.InitializeCmsAsync();
    app.UseCmsHost();
    await app.RunAsync();
    return 0;
});

/// <summary>The host's entry point, visible to integration tests.</summary>
public partial class Program;
