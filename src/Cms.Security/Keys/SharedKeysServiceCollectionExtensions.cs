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
        var encryption = KeyEncryptionCertificate.Load(options);
        services.AddSingleton(encryption);
        if (encryption.Certificate is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        services.AddSingleton<SharedKeys>();
        services.AddSingleton<ISharedStateEventHandler, OpenIdKeyReloader>();
        return services;
    }
}
