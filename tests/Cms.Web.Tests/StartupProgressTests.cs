using Cms.Web.Tests.Support;

namespace Cms.Web.Tests;

/// <summary>A first start says what it is doing as it does it, and ends with the address to open.</summary>
public sealed class StartupProgressTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "cms-startup-progress", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task The_first_start_reports_migration_setup_with_item_counts_and_the_ready_address_in_order()
    {
        var port = HostProcess.FreePort();

        var output = await HostProcess.RunUntilAsync(
            [$"--Cms:DataDirectory={_data}", "--Cms:Setup:SampleContent=false", "--Cms:Setup:AdminPassword=Progress-Test-Password-1", "--urls", $"http://127.0.0.1:{port}"],
            "Ready at",
            TimeSpan.FromSeconds(120));

        string[] expected =
        [
            "Migrating the database: applying",
            "First start: setting up with recipe newsroom",
            "Running recipe Newsroom: 7 steps, 21 content items",
            "Setup complete",
            $"Ready at http://127.0.0.1:{port}: open http://127.0.0.1:{port}/admin",
        ];
        var at = 0;
        foreach (var step in expected)
        {
            var found = output.IndexOf(step, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{step}' does not follow the earlier progress lines in:\n{output}");
            at = found;
        }
    }
}
