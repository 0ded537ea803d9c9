using System.Text.Json;
using Cms.Data;
using Cms.Security.Keys;
using Cms.Testing;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cms.Web.Tests.Support.TwoNodes;

namespace Cms.Web.Tests;

/// <summary>
/// A rotated key keeps the previous one valid for verification, on every node: after a node makes successors for
/// OpenID keys that expire soon (as the first node that starts within <see cref="SharedKeys.RenewBefore"/> of their
/// expiry does), every node signs with the new key and still accepts tokens signed with the old one; after a new
/// data-protection key, cookies protected with the previous one still sign in everywhere.
/// </summary>
public sealed class KeyRotationTests
{
    [SkippableFact]
    public async Task A_token_signed_with_the_previous_OpenID_key_is_accepted_by_every_node_after_a_rotation()
    {
        await using var nodes = await StartAsync();
        var before = await new ClientCredentials(nodes.A.CreateClient()).TokenAsync(DeskClient);
        var first = nodes.A.Services.GetRequiredService<SharedKeys>().LoadCertificates(SharedKeys.Signing).Single();
        Assert.Equal(first.Thumbprint, SigningKeyOf(before), ignoreCase: true);

        // Generation 1 expires within RenewBefore (as stored): the next node to start, C, makes generation 2.
        await using (var scope = nodes.A.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CmsDbContext>().OpenIdKeys
                .ExecuteUpdateAsync(set => set.SetProperty(k => k.NotAfterUtc, DateTime.UtcNow.AddDays(10)));
        }

        using var c = Node(nodes.ConnectionString);
        var keys = c.Services.GetRequiredService<SharedKeys>();
        await using (var scope = c.Services.CreateAsyncScope())
        {
            Assert.Equal(["encryption:1", "encryption:2", "signing:1", "signing:2"], await scope.ServiceProvider.GetRequiredService<CmsDbContext>().OpenIdKeys
                .OrderBy(k => k.Purpose).ThenBy(k => k.Generation).Select(k => k.Purpose + ":" + k.Generation).ToListAsync());
        }

        var second = keys.LoadCertificates(SharedKeys.Signing)[0];
        Assert.NotEqual(first.Thumbprint, second.Thumbprint);

        // A and B load generation 2 when they hear of it, and then sign with it, as C does from its start.
        foreach (var node in new[] { nodes.A, nodes.B, c })
        {
            var signedWith = "";
            await TimeUntilAsync(
                async () => string.Equals(signedWith = SigningKeyOf(await new ClientCredentials(node.CreateClient()).TokenAsync(DeskClient)), second.Thumbprint, StringComparison.OrdinalIgnoreCase),
                () => $"The node still signs with {signedWith}.");
        }

        // Every node accepts both generations.
        var after = await new ClientCredentials(c.CreateClient()).TokenAsync(DeskClient);
        foreach (var node in new[] { nodes.A, nodes.B, c })
        {
            await AssertAcceptsTokenAsync(node, before);
            await AssertAcceptsTokenAsync(node, after);
        }
    }

    [SkippableFact]
    public async Task A_cookie_protected_with_the_previous_data_protection_key_signs_in_on_every_node_after_a_new_key()
    {
        await using var nodes = await StartAsync();
        var before = await SignInAsync(nodes.A);
        var keyManager = nodes.A.Services.GetRequiredService<IKeyManager>();
        var old = Assert.Single(keyManager.GetAllKeys());
        Assert.Equal(old.KeyId, ProtectedWith(before.AuthCookie));

        var now = DateTimeOffset.UtcNow;
        var successor = keyManager.CreateNewKey(now, now.AddDays(90));
        var after = await SignInAsync(nodes.A);
        Assert.Equal(successor.KeyId, ProtectedWith(after.AuthCookie));

        // The previous key still opens its cookies, on the node that made the new key and on the other one.
        await AssertAcceptsCookieAsync(nodes.A, after);
        await AssertAcceptsCookieAsync(nodes.A, before);
        await AssertAcceptsCookieAsync(nodes.B, before);
    }

    /// <summary>The <c>kid</c> of a signed JWT's header: the thumbprint of the certificate it was signed with.</summary>
    private static string SigningKeyOf(string jwt) =>
        JsonDocument.Parse(WebEncoders.Base64UrlDecode(jwt.Split('.')[0])).RootElement.GetProperty("kid").GetString()!;

    /// <summary>The data-protection key a protected payload names (after its 4-byte magic header).</summary>
    private static Guid ProtectedWith(string cookie) => new(WebEncoders.Base64UrlDecode(cookie).AsSpan(4, 16));
}
