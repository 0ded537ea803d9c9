using System.Security.Cryptography.X509Certificates;
using Cms.Data;
using Cms.Data.SharedState;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Security.Keys;

public static class SharedKeysServiceCollectionExtensions
{
    /// <summary>
    /// The data-protection key ring in the CMS database (table <c>DataProtectionKeys</c>), encrypted with the
    /// certificate of <c>Cms:Keys:CertificatePath</c> when set; the OpenID keys in table <c>OpenIdKeys</c>
    /// (<see cref="SharedKeys"/>); and the reload of the OpenID keys when another node created one.
    /// </summary>
    public static IServiceCollection AddCmsSharedKeys(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SharedKeysOptions.Section).Get<SharedKeysOptions>() ?? new SharedKeysOptions();
        services.AddSingleton(options);
        var dataProtection = services.AddDataProtection().PersistKeysToDbContext<CmsDbContext>();
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            var path = Path.GetFullPath(options.CertificatePath);
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"Cms:Keys:CertificatePath '{options.CertificatePath}' does not exist: set it to a .pfx file with an RSA private key, the same on every node.");
            }

            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
            if (!certificate.HasPrivateKey)
            {
                throw new InvalidOperationException($"Cms:Keys:CertificatePath '{options.CertificatePath}' has no private key.");
            }

            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        services.AddSingleton<SharedKeys>();
        services.AddSingleton<ISharedStateEventHandler, OpenIdKeyReloader>();
        return services;
    }
}
