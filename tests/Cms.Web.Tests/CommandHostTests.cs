using Cms.Web.Setup;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests;

/// <summary>What every command-line command shares through <see cref="CommandHost"/>: its arguments and the set-up check.</summary>
[Collection(nameof(SerialCollection))]
public sealed class CommandHostTests : IDisposable
{
    private readonly ScratchFolder _scratch = new("cms-tests");

    public CommandHostTests() => Directory.CreateDirectory(_scratch.Path);

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task A_command_on_a_site_never_started_exits_with_the_not_set_up_code_without_running()
    {
        var ran = false;
        var exitCode = await CommandHost.RunAsync([$"--Cms:DataDirectory={_scratch.Path}"], (_, _) =>
        {
            ran = true;
            return Task.FromResult(0);
        });

        Assert.Equal(CommandHost.NotSetUpExitCode, exitCode);
        Assert.False(ran);

        // The same for a real command.
        Assert.True(SearchCommand.TryParse(["search", "rebuild", $"--Cms:DataDirectory={_scratch.Path}"], out var hostArgs));
        Assert.Equal(CommandHost.NotSetUpExitCode, await SearchCommand.RunAsync(hostArgs));
    }

    [Fact]
    public void Commands_are_recognised_by_their_words_and_pass_the_rest_to_the_host()
    {
        Assert.True(SearchCommand.TryParse(["search", "rebuild", "--Cms:DataDirectory=data"], out var searchArgs));
        Assert.Equal(new[] { "--Cms:DataDirectory=data" }, searchArgs);
        Assert.False(SearchCommand.TryParse(["search"], out _));
        Assert.False(SearchCommand.TryParse(["search", "drop"], out _));
        Assert.False(SearchCommand.TryParse(["media", "backfill"], out _));

        Assert.True(RecipeExportCommand.TryParse(["recipe", "export", "out", "--Cms:DataDirectory=data"], "/home/editor/site", out var folder, out var exportArgs));
        Assert.Equal(Path.GetFullPath("out", "/home/editor/site"), folder);
        Assert.Equal(new[] { "--Cms:DataDirectory=data" }, exportArgs);
        Assert.False(RecipeExportCommand.TryParse(["recipe", "export"], "/home/editor/site", out _, out _));
        Assert.False(RecipeExportCommand.TryParse(["recipe", "run", "x.recipe.json"], "/home/editor/site", out _, out _));
    }
}
