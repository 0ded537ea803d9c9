using System.Text.Json;
using Xunit;

namespace Cms.Web.Tests;

/// <summary>The runtime settings the benchmarks chose travel with the host's build (see Directory.Build.props).</summary>
public sealed class RuntimeSettingsTests
{
    [Theory]
    [InlineData("System.Runtime.TieredCompilation.CallCountingDelayMs", 0)]
    [InlineData("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", 0)]
    public void The_host_runs_with_the_measured_runtime_settings(string name, int value)
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cms.Web.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Equal(value, properties.GetProperty(name).GetInt32());
    }
}
