using Cms.Security.Keys;

namespace Cms.Web.Hosting;

/// <summary>
/// Outside Development, warns at start-up when <c>Cms:Keys:CertificatePath</c> is not set: the keys every node shares
/// (cookies, antiforgery, OpenID signing and encryption) are then stored unencrypted in the database.
/// </summary>
public static class SharedKeysCheck
{
    public static void WarnIfUnencrypted(WebApplication app)
    {
        if (!app.Environment.IsDevelopment() && string.IsNullOrWhiteSpace(app.Services.GetRequiredService<SharedKeysOptions>().CertificatePath))
        {
            app.Logger.LogWarning(
                "Cms:Keys:CertificatePath is not set: the data-protection and OpenID keys are stored unencrypted in the database, so anyone who can read a backup can forge cookies and tokens. Set it (environment variable Cms__Keys__CertificatePath) to a .pfx file with an RSA key, the same on every node");
        }
    }
}
