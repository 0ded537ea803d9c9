using Cms.Core.Content;
using Cms.Testing;
using Cms.Web.Setup;
using Cms.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests;

/// <summary><c>dotnet run --project src/Cms.Web -- recipe run &lt;file&gt;</c> against a data directory set up by a first start.</summary>
[Collection(nameof(SerialCollection))]
public sealed class RecipeCommandTests : IDisposable
{
    private const string GoodRecipe = """
        {
          "name": "Extra section",
          "steps": [
            {
              "name": "Content",
              "Data": [
                {
                  "ContentItemId": "sec-sport",
                  "ContentType": "Section",
                  "Published": true,
                  "Owner": "[js: parameters('AdminUserId')]",
                  "TitlePart": { "Title": "[js: parameters('SectionTitle')]" },
                  "AutoroutePart": { "Path": "sport" },
                  "Section": { "Description": { "Text": "Matches and results." }, "MenuOrder": { "Value": 20 } }
                }
              ]
            }
          ]
        }
        """;

    private readonly CmsWebApplicationFactory _site = new();
    private readonly string _recipes = Path.Combine(Path.GetTempPath(), "cms-recipe-command", Guid.NewGuid().ToString("N"));

    public RecipeCommandTests()
    {
        Directory.CreateDirectory(_recipes);
    }

    public void Dispose()
    {
        _site.Dispose();
        Directory.Delete(_recipes, recursive: true);
    }

    [Fact]
    public async Task A_good_recipe_is_applied_and_the_command_exits_with_0()
    {
        await SetUpSiteAsync();

        var exitCode = await RecipeCommand.RunAsync(await CommandAsync(GoodRecipe));

        Assert.Equal(0, exitCode);
        using var client = _site.CreateClient();
        await using var scope = _site.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var sport = await manager.GetAsync("sec-sport", VersionOptions.Published);
        Assert.Equal("Sport", sport!.DisplayText);
        Assert.False(string.IsNullOrEmpty(sport.Owner));
        Assert.Equal(16, await Newsroom.CountAsync(_site.Services, "Section"));
    }

    [Fact]
    public async Task The_command_prints_its_progress_in_items_and_items_per_second()
    {
        await SetUpSiteAsync();
        using var console = new ConsoleCapture();

        var exitCode = await RecipeCommand.RunAsync(await CommandAsync(GoodRecipe));

        Assert.Equal(0, exitCode);
        var lines = console.Text.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^1 of 1 items, [\d,]+ items/s$"));
        Assert.Contains(lines, l => l.StartsWith("Recipe 'Extra section' applied: 1 steps, 1 items in ", StringComparison.Ordinal));
    }

    [Fact]
    public void On_a_terminal_the_progress_line_is_rewritten_in_place_and_ends_with_the_last_item()
    {
        using var output = new StringWriter();
        var line = new RecipeProgressLine(output, inPlace: true);

        line.Report(new Cms.Recipes.RecipeProgress(1_000, 20_000, TimeSpan.FromSeconds(2)));
        line.Report(new Cms.Recipes.RecipeProgress(20_000, 20_000, TimeSpan.FromSeconds(10)));

        Assert.Equal("\r  1,000 of 20,000 items, 500 items/s\r  20,000 of 20,000 items, 2,000 items/s" + Environment.NewLine, output.ToString());
    }

    [Fact]
    public async Task A_bad_recipe_changes_nothing_and_the_command_exits_with_1()
    {
        var before = await SetUpSiteAsync();
        var bad = GoodRecipe.Replace("\"Value\": 20", "\"Value\": \"twenty\"", StringComparison.Ordinal);

        var exitCode = await RecipeCommand.RunAsync(await CommandAsync(bad));

        Assert.Equal(1, exitCode);
        using var client = _site.CreateClient();
        Assert.Equal(before, await DataSnapshot.TakeAsync(_site.Services));
    }

    [Fact]
    public async Task A_site_that_is_not_set_up_is_refused_with_exit_code_2()
    {
        var exitCode = await RecipeCommand.RunAsync(await CommandAsync(GoodRecipe));

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public void The_command_line_is_recognised()
    {
        Assert.True(RecipeCommand.TryParse(["recipe", "run", "recipes/x.recipe.json", "--Cms:DataDirectory=data", "--param", "Secret=a=b"], "/home/editor/site", out var invocation));
        Assert.Equal(Path.GetFullPath("/home/editor/site/recipes/x.recipe.json"), invocation.File);
        Assert.Equal(["--Cms:DataDirectory=data"], invocation.HostArgs);
        Assert.Equal("a=b", invocation.Parameters["Secret"]);
        Assert.False(RecipeCommand.TryParse(["--urls", "http://localhost:5080"], out _));
    }

    [Fact]
    public async Task A_relative_file_is_found_in_the_folder_the_command_was_typed_in_as_dotnet_run_passes_it()
    {
        await SetUpSiteAsync();
        var file = await WriteRecipeAsync(GoodRecipe);
        var args = CallerDirectory.Take(["recipe", "run", Path.GetFileName(file), .. HostArgs, "--param", "SectionTitle=Sport", $"--Cms:CallerDirectory={_recipes}"], out var caller);

        Assert.True(RecipeCommand.TryParse(args, caller, out var invocation));
        Assert.Equal(file, invocation.File);
        Assert.DoesNotContain(invocation.HostArgs, a => a.Contains("CallerDirectory", StringComparison.Ordinal));
        Assert.Equal(0, await RecipeCommand.RunAsync(invocation));
        Assert.Equal(16, await Newsroom.CountAsync(_site.Services, "Section"));
    }

    [Fact]
    public async Task A_missing_file_is_one_plain_line_naming_the_full_path()
    {
        var errors = new StringWriter();
        var original = Console.Error;
        Console.SetError(errors);
        int exitCode;
        try
        {
            Assert.True(RecipeCommand.TryParse(["recipe", "run", "front-end.recipe.json", .. HostArgs], _recipes, out var invocation));
            exitCode = await RecipeCommand.RunAsync(invocation);
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Equal(1, exitCode);
        Assert.Equal($"Recipe file not found: {Path.Combine(_recipes, "front-end.recipe.json")}", errors.ToString().Trim());
    }

    /// <summary>The command line as an operator types it, with the recipe's parameter given by <c>--param</c>.</summary>
    private async Task<RecipeInvocation> CommandAsync(string recipe)
    {
        var file = await WriteRecipeAsync(recipe);
        Assert.True(RecipeCommand.TryParse(["recipe", "run", file, .. HostArgs, "--param", "SectionTitle=Sport"], out var invocation));
        return invocation;
    }

    private string[] HostArgs => [$"--Cms:DataDirectory={_site.DataDirectory}"];

    /// <summary>Starts the site once on its data directory (running setup) and stops it again.</summary>
    private async Task<DataSnapshot> SetUpSiteAsync()
    {
        using var first = new CmsWebApplicationFactory().WithSetting("Cms:DataDirectory", _site.DataDirectory);
        using var client = first.CreateClient();
        return await DataSnapshot.TakeAsync(first.Services);
    }

    private async Task<string> WriteRecipeAsync(string json)
    {
        var file = Path.Combine(_recipes, $"{Guid.NewGuid():N}.recipe.json");
        await File.WriteAllTextAsync(file, json);
        return file;
    }
}
