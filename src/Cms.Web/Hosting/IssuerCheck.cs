using Cms.Security.OpenId;
using Microsoft.Extensions.Options;

namespace Cms.Web.Hosting;

/// <summary>
/// In Production, warns at start-up when <c>Cms:OpenId:Issuer</c> is not set: tokens then name the host each request
/// came to, and a token minted at one host name is refused at another.
/// </summary>
public static class IssuerCheck
{
    public static void WarnIfUnset(WebApplication app)
    {
        if (app.Environment.IsProduction() && string.IsNullOrWhiteSpace(app.Services.GetRequiredService<IOptions<CmsOpenIdOptions>>().Value.Issuer))
        {
            app.Logger.LogWarning(
                "Cms:OpenId:Issuer is not set: tokens name the host name each was requested at, so one minted at one name (say localhost) is refused at another (say 127.0.0.1 or the public name). Set Cms:OpenId:Issuer (environment variable Cms__OpenId__Issuer) to the public URL, e.g. https://cms.example.com/");
        }
    }
}
