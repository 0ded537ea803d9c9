using Cms.Preview.Http;
using Cms.Preview.Links;
using Cms.Preview.Rendering;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Preview;

public static class PreviewServiceCollectionExtensions
{
    /// <summary>
    /// The preview theme: Liquid templates rendered with Fluid, the editor's preview, share-preview links (stored in
    /// <c>PreviewLinks</c>) and their rate limit. Configuration: <c>Cms:Preview</c>.
    /// </summary>
    public static IServiceCollection AddCmsPreview(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PreviewOptions>()
            .Bind(configuration.GetSection(PreviewOptions.Section))
            .Validate(o => o.ShareLinkLifetime > TimeSpan.Zero, "Cms:Preview:ShareLinkLifetime must be positive, e.g. 48:00:00.")
            .Validate(o => o.SharePermitsPerMinute > 0, "Cms:Preview:SharePermitsPerMinute must be positive.")
            .ValidateOnStart();
        services.AddSingleton<PreviewRenderer>();
        services.AddScoped<PreviewModelBuilder>();
        services.AddScoped<PreviewPages>();
        services.AddScoped<PreviewMenus>();
        services.AddScoped<PreviewLinkService>();
        services.AddSingleton<ShareRateLimitPolicy>();
        services.Configure<RateLimiterOptions>(options => options.AddPolicy<string, ShareRateLimitPolicy>(ShareRateLimitPolicy.Name));
        return services;
    }

    /// <summary>Maps <c>/admin/preview</c>, <c>/admin/content/{id}/preview</c>, <c>/api/content/{id}/preview-links</c> and <c>/preview/{token}</c>.</summary>
    public static IEndpointRouteBuilder MapCmsPreview(this IEndpointRouteBuilder endpoints) => endpoints.MapPreviewEndpoints();
}
