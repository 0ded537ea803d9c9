using Microsoft.Extensions.Options;

namespace Cms.Security.OpenId;

/// <summary><c>Cms:OpenId</c> at start-up: an issuer, when set, is an absolute http(s) URL.</summary>
public sealed class CmsOpenIdOptionsValidator : IValidateOptions<CmsOpenIdOptions>
{
    public ValidateOptionsResult Validate(string? name, CmsOpenIdOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            return ValidateOptionsResult.Success;
        }

        return Uri.TryCreate(options.Issuer, UriKind.Absolute, out var issuer) && (issuer.Scheme == Uri.UriSchemeHttps || issuer.Scheme == Uri.UriSchemeHttp)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Cms:OpenId:Issuer is '{options.Issuer}', which is not an absolute URL: set it to the public address of the CMS, e.g. https://cms.example.com/");
    }
}
