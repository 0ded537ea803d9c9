using Cms.Core.Audit;
using Cms.Data.SharedState;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation;

namespace Cms.Security.Keys;

/// <summary>
/// When another node created an OpenID key (a first start, or a successor for one that expires soon), this node
/// builds its OpenID server and validation options again, so it signs with the newest key and accepts tokens signed
/// with any key that has not expired.
/// </summary>
public sealed class OpenIdKeyReloader(
    SharedKeys keys,
    IOptionsMonitorCache<OpenIddictServerOptions> server,
    IOptionsMonitorCache<OpenIddictValidationOptions> validation,
    ILogger<OpenIdKeyReloader> logger) : ISharedStateEventHandler
{
    public Task HandleAsync(SharedStateEvent change, CancellationToken cancellationToken)
    {
        if (change.TargetType == AuditTargets.Keys)
        {
            keys.Reload();
            server.TryRemove(Options.DefaultName);
            validation.TryRemove(Options.DefaultName);
            logger.LogInformation("Another node created the OpenID {Purpose} key; loading the keys again", change.TargetId);
        }

        return Task.CompletedTask;
    }
}
