using Microsoft.AspNetCore.DataProtection;

namespace Cms.Workflow.Webhooks;

/// <summary>Encrypts endpoint secrets at rest with the host's data-protection keys; they are read back only to sign.</summary>
public sealed class WebhookSecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Cms.Webhooks.EndpointSecret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
