using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Cms.Web.Hosting;

/// <summary>The last line of a start: where the CMS answers, with the admin's address to open.</summary>
public static class ReadyAnnouncement
{
    public static void Log(WebApplication app)
    {
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var first = addresses.FirstOrDefault();
        if (first is null)
        {
            app.Logger.LogInformation("Ready");
            return;
        }

        // http://[::]:80 and http://0.0.0.0:80 listen everywhere; a browser on this machine reaches them at localhost.
        var browsable = first.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal).TrimEnd('/');
        app.Logger.LogInformation("Ready at {Urls}: open {AdminUrl} (GraphQL at {GraphQLUrl}, health at {HealthUrl})", string.Join(", ", addresses), browsable + "/admin", browsable + "/api/graphql", browsable + "/health/ready");
    }
}
