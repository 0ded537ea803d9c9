using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Cms.Data.Entities;
using Cms.Recipes;
using Microsoft.AspNetCore.Identity;

namespace Cms.Web.Setup;

/// <summary><c>dotnet run --project src/Cms.Web -- recipe run &lt;file&gt; [--param Name=Value]</c>: applies a recipe to the configured database.</summary>
public static class RecipeCommand
{
    /// <inheritdoc cref="TryParse(string[], string, out RecipeInvocation?)"/>
    public static bool TryParse(string[] args, [NotNullWhen(true)] out RecipeInvocation? invocation) =>
        TryParse(args, Directory.GetCurrentDirectory(), out invocation);

    /// <summary>
    /// Recognises <c>recipe run &lt;file&gt; [--param Name=Value]...</c>; a relative file is resolved against
    /// <paramref name="callerDirectory"/> (where the user typed the command). Every other argument goes to the host
    /// configuration (e.g. <c>--Cms:DataDirectory=...</c>).
    /// </summary>
    public static bool TryParse(string[] args, string callerDirectory, [NotNullWhen(true)] out RecipeInvocation? invocation)
    {
        invocation = null;
        if (args.Length < 3 || args[0] != "recipe" || args[1] != "run")
        {
            return false;
        }

        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var hostArgs = new List<string>();
        for (var i = 3; i < args.Length; i++)
        {
            if (args[i] == "--param" && i + 1 < args.Length && args[i + 1].IndexOf('=', StringComparison.Ordinal) > 0)
            {
                var pair = args[++i];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                parameters[pair[..equals]] = pair[(equals + 1)..];
            }
            else
            {
                hostArgs.Add(args[i]);
            }
        }

        invocation = new RecipeInvocation(Path.GetFullPath(args[2], callerDirectory), parameters, [.. hostArgs]);
        return true;
    }

    public static async Task<int> RunAsync(RecipeInvocation invocation)
    {
        var (file, extraParameters, hostArgs) = invocation;
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"Recipe file not found: {file}");
            return 1;
        }

        return await CommandHost.RunAsync(hostArgs, (services, _) => ApplyAsync(services, file, extraParameters));
    }

    private static async Task<int> ApplyAsync(IServiceProvider services, string file, IReadOnlyDictionary<string, string> extraParameters)
    {
        var admin = (await services.GetRequiredService<UserManager<CmsUser>>().GetUsersInRoleAsync(Security.Setup.AdministratorSetup.AdministratorRole)).OrderBy(u => u.CreatedUtc).FirstOrDefault();
        var parameters = new RecipeParameters { ["AdminUserId"] = admin?.Id ?? "", ["AdminUsername"] = admin?.UserName ?? "" };
        foreach (var (name, value) in extraParameters)
        {
            parameters[name] = value;
        }

        try
        {
            var progress = new RecipeProgressLine(Console.Out, inPlace: !Console.IsOutputRedirected);
            var result = await services.GetRequiredService<RecipeExecutor>().ExecuteFileAsync(file, parameters, progress);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Recipe '{result.Name}' applied: {result.Steps} steps, {result.Items:N0} items in {result.Elapsed.TotalSeconds:0.0} s."));
            return 0;
        }
        catch (RecipeException ex)
        {
            await Console.Error.WriteLineAsync($"Recipe failed, nothing was changed. {ex.Message}");
            return 1;
        }
    }
}
