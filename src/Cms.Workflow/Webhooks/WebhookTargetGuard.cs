using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Cms.Workflow.Webhooks;

/// <summary>
/// Where webhooks may go: http or https only, and public addresses only unless configuration allows private ones
/// (<see cref="WebhookOptions.AllowPrivateTargets"/>, <see cref="WebhookOptions.AllowedHosts"/>). Checked when an
/// endpoint is saved and again when each request connects: the host name is resolved, every address checked, and
/// the connection made to a checked address, so a name that later resolves to a private address (DNS rebinding) is
/// refused.
/// </summary>
public sealed class WebhookTargetGuard(IOptionsMonitor<WebhookOptions> options)
{
    /// <summary>Why <paramref name="url"/> cannot be a target, or null when it can.</summary>
    public async Task<string?> CheckUrlAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "must be an absolute http or https URL.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "must not carry a user name or password; the signature authenticates the sender.";
        }

        if (uri.Fragment.Length > 0)
        {
            return "must not have a fragment (#...).";
        }

        try
        {
            await ResolveAsync(uri.IdnHost, cancellationToken);
            return null;
        }
        catch (WebhookTargetException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>The connection of the webhook HTTP client: resolves, checks every address, connects to a checked one.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(context.DnsEndPoint.Host, cancellationToken);
        Exception? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new HttpRequestException($"Could not connect to {context.DnsEndPoint.Host}:{context.DnsEndPoint.Port}.", last);
    }

    /// <summary>The addresses of <paramref name="host"/>, every one of them allowed; throws <see cref="WebhookTargetException"/> otherwise.</summary>
    public async Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            }
            catch (SocketException)
            {
                throw new WebhookTargetException($"the host '{host}' could not be resolved.");
            }
        }

        if (addresses.Length == 0)
        {
            throw new WebhookTargetException($"the host '{host}' has no address.");
        }

        var settings = options.CurrentValue;
        var allowPrivate = settings.AllowPrivateTargets || settings.AllowedHosts.Contains(host, StringComparer.OrdinalIgnoreCase);
        if (!allowPrivate && addresses.FirstOrDefault(a => !IsPublic(a)) is { } refused)
        {
            throw new WebhookTargetException($"the host '{host}' resolves to {refused}, a private, loopback or otherwise non-public address; such targets are refused unless Cms:Webhooks:AllowPrivateTargets or Cms:Webhooks:AllowedHosts allows them.");
        }

        return addresses;
    }

    /// <summary>Whether an address is on the public internet (not private, loopback, link-local, shared, reserved, documentation or multicast).</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0
                || b[0] == 10
                || b[0] == 127
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 0 && (b[2] == 0 || b[2] == 2))
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113)
                || b[0] >= 224);
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        if (IPAddress.IPv6Loopback.Equals(address) || IPAddress.IPv6None.Equals(address)
            || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
        {
            return false;
        }

        var v6 = address.GetAddressBytes();

        // 2001:db8::/32 documentation; 64:ff9b::/96 (NAT64) and 2002::/16 (6to4) carry an IPv4 address: judge that one.
        if (v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0d && v6[3] == 0xb8)
        {
            return false;
        }

        if (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b)
        {
            return IsPublic(new IPAddress(v6[12..16]));
        }

        if (v6[0] == 0x20 && v6[1] == 0x02)
        {
            return IsPublic(new IPAddress(v6[2..6]));
        }

        // Anything else below 2000::/3 (the global unicast range) is reserved.
        return (v6[0] & 0xe0) == 0x20;
    }
}
