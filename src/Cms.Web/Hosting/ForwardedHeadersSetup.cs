using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Cms.Web.Hosting;

/// <summary>
/// Behind a reverse proxy that terminates HTTPS, the request's scheme comes from <c>X-Forwarded-Proto</c>, so cookies
/// get <c>Secure</c> and generated URLs say https. Only proxies on the loopback interface are trusted unless
/// <c>Cms:Proxy:KnownProxies</c> lists their addresses (comma-separated).
/// </summary>
internal static class ForwardedHeadersSetup
{
    public static IServiceCollection AddCmsForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = new List<IPAddress>();
        foreach (var text in (configuration["Cms:Proxy:KnownProxies"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            proxies.Add(IPAddress.TryParse(text, out var address)
                ? address
                : throw new InvalidOperationException($"Cms:Proxy:KnownProxies: '{text}' is not an IP address."));
        }

        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }
        });
    }
}
