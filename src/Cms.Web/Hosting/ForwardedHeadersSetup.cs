using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Cms.Web.Hosting;

/// <summary>
/// Behind a reverse proxy or load balancer that terminates HTTPS, the request's scheme and the client's address come
/// from <c>X-Forwarded-Proto</c> and <c>X-Forwarded-For</c>, so cookies get <c>Secure</c>, the OpenID endpoints see
/// HTTPS, and logs and the audit trail name the real client. They are honoured only from trusted proxies: the loopback
/// interface, the addresses in <c>Cms:ReverseProxy:KnownProxies</c> and the networks in
/// <c>Cms:ReverseProxy:KnownNetworks</c> (CIDR, e.g. <c>10.0.0.0/8</c>), comma-separated. <c>Cms:Proxy:KnownProxies</c>,
/// the earlier name, is still read. A request from anywhere else keeps its own scheme and address.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public static IServiceCollection AddCmsForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = new List<IPAddress>();
        foreach (var (key, text) in Values(configuration, "Cms:ReverseProxy:KnownProxies").Concat(Values(configuration, "Cms:Proxy:KnownProxies")))
        {
            proxies.Add(IPAddress.TryParse(text, out var address)
                ? address
                : throw new InvalidOperationException($"{key}: '{text}' is not an IP address."));
        }

        var networks = new List<System.Net.IPNetwork>();
        foreach (var (key, text) in Values(configuration, "Cms:ReverseProxy:KnownNetworks"))
        {
            networks.Add(System.Net.IPNetwork.TryParse(text, out var network)
                ? network
                : throw new InvalidOperationException($"{key}: '{text}' is not a network in CIDR notation (e.g. 10.0.0.0/8)."));
        }

        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
    }

    private static IEnumerable<(string Key, string Value)> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        return section.GetChildren().Select(c => c.Value).Append(section.Value)
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => (key, v));
    }
}
