using Cms.Core.Media;
using Cms.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace Cms.Media;

public static class MediaEndpointExtensions
{
    public static IServiceCollection AddCmsMedia(this IServiceCollection services, CmsDataOptions dataOptions)
    {
        var options = new MediaOptions { RootPath = Path.Combine(Path.GetFullPath(dataOptions.DataDirectory), "Media") };
        Directory.CreateDirectory(options.RootPath);
        services.AddSingleton(options);
        services.AddSingleton<IMediaFileStore, FileSystemMediaStore>();
        return services;
    }

    /// <summary>Serves the media library at <c>/media</c>, with headers that stop a file being run as a page.</summary>
    public static IApplicationBuilder UseCmsMedia(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<MediaOptions>();
        return app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = options.RequestPath,
            FileProvider = new PhysicalFileProvider(options.RootPath),
            ServeUnknownFileTypes = false,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = "default-src 'self'; style-src 'unsafe-inline'";
                headers.XContentTypeOptions = "nosniff";
                headers.CacheControl = "public, max-age=2592000";
            },
        });
    }
}
