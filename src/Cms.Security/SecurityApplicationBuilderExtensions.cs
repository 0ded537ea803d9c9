using Cms.Security.Api;
using Cms.Security.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Cms.Security;

public static class SecurityApplicationBuilderExtensions
{
    /// <summary>Largest body of a <c>/connect/*</c> request (they are small forms).</summary>
    public const long MaxConnectBodyBytes = 64 * 1024;

    /// <summary>
    /// The security middleware that must run before authentication (where OpenIddict reads <c>/connect/*</c>
    /// requests): the body limit of <c>/connect/*</c> (413), the sign-in rate limits, and the antiforgery token that a
    /// cookie-authenticated write to <c>/api/*</c> must carry (400 without it). Place it after routing and the exception
    /// handler, so a refused request is answered and logged with its own status.
    /// </summary>
    public static IApplicationBuilder UseCmsSecurity(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/connect", StringComparison.OrdinalIgnoreCase))
            {
                if (context.Request.ContentLength > MaxConnectBodyBytes)
                {
                    throw new BadHttpRequestException($"The request body is larger than {MaxConnectBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
                }

                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = MaxConnectBodyBytes;
                }
            }

            return next(context);
        });
        app.Use(async (context, next) =>
        {
            await SignInRateLimiter.PreloadFormAsync(context);
            await next(context);
        });
        app.UseRateLimiter();
        app.Use(async (context, next) =>
        {
            if (await ApiAntiforgery.ValidateAsync(context))
            {
                await next(context);
            }
        });
        return app;
    }
}
