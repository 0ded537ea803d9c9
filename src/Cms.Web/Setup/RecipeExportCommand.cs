using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Cms.Core.Media;
using Cms.Recipes.Export;

namespace Cms.Web.Setup;

/// <summary>
/// <c>dotnet run --project src/Cms.Web -- recipe export &lt;folder&gt;</c>: writes the whole site of the configured
/// database as a recipe folder (<see cref="SiteExporter"/>), which <c>recipe run &lt;folder&gt;/site.recipe.json</c>
/// applies to an empty instance.
/// </summary>
public static class RecipeExportCommand
{
    /// <summary>Recognises <c>recipe export &lt;folder&gt;</c>; a relative folder is resolved against <paramref name="callerDirectory"/>. Other arguments go to the host configuration.</summary>
    public static bool TryParse(string[] args, string callerDirectory, [NotNullWhen(true)] out string? folder, [NotNullWhen(true)] out string[]? hostArgs)
    {
        folder = null;
        hostArgs = null;
        if (!CommandHost.TryParse(args, "recipe", "export", out var rest) || rest.Length == 0)
        {
            return false;
        }

        folder = Path.GetFullPath(rest[0], callerDirectory);
        hostArgs = rest[1..];
        return true;
    }

    public static Task<int> RunAsync(string folder, string[] hostArgs, CancellationToken cancellationToken = default) =>
        CommandHost.RunAsync(hostArgs, (services, ct) => ExportAsync(services, folder, ct), cancellationToken);

    private static async Task<int> ExportAsync(IServiceProvider services, string folder, CancellationToken cancellationToken)
    {
        try
        {
            var result = await services.GetRequiredService<SiteExporter>().ExportAsync(folder, cancellationToken);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Exported to {result.RecipeFile}: {result.Steps} steps, {result.Items:N0} content items, {result.Files:N0} media files. Apply it to an empty instance with: recipe run {result.RecipeFile}"));
            return 0;
        }
        catch (Exception e) when (e is RecipeExportException or MediaRejectedException)
        {
            await Console.Error.WriteLineAsync($"Export failed: {e.Message}");
            return 1;
        }
    }
}
