using Cms.Testing;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests;

/// <summary>In Production the start warns when <c>Cms:OpenId:Issuer</c> is not set (tokens would depend on the host name used).</summary>
[Collection(nameof(SerialCollection))]
public sealed class IssuerWarningTests
{
    private const string Warning = "Cms:OpenId:Issuer is not set";

    [Fact]
    public async Task Production_without_an_issuer_warns_at_start_up()
    {
        using var factory = new CmsWebApplicationFactory { Environment = "Production" };
        using var client = factory.CreateClient();
        await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Contains(Warning, LogFiles.ReadAll(factory.DataDirectory), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_an_issuer_does_not_warn()
    {
        using var factory = new CmsWebApplicationFactory { Environment = "Production" }.WithSetting("Cms:OpenId:Issuer", "https://cms.example.com/");
        using var client = factory.CreateClient();
        await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.DoesNotContain(Warning, LogFiles.ReadAll(factory.DataDirectory), StringComparison.Ordinal);
    }
}
