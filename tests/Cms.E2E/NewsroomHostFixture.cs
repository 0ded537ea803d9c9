using Cms.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cms.E2E;

/// <summary>
/// The admin host with the clock under the tests' control and the background scheduler off, so a story can schedule a
/// publication, move time and run the scheduler itself, as the workflow tests do.
/// </summary>
public sealed class NewsroomHostFixture : AdminHostFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void Configure(CmsWebApplicationFactory factory) =>
        factory
            .WithSetting("Cms:Workflow:Enabled", "false")
            .WithServices(services => services.AddSingleton<TimeProvider>(Clock));
}
