using Cms.Core.Media;
using Cms.Data;
using Cms.Media.Api;
using Cms.Media.Derivatives;
using Cms.Media.Imaging;
using Cms.Media.Library;
using Cms.Media.Profiles;
using Cms.Media.Recipes;
using Cms.Media.Storage;
using Cms.Recipes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Cms.Media;

public static class MediaEndpointExtensions
{
    /// <summary>
    /// The media library: storage under <c>{DataDirectory}/Media</c> or in an S3 bucket (<c>Cms:Media:Store</c>), the image gate, uploads, profiles, signed
    /// derivatives and the <c>Media</c> and <c>MediaProfiles</c> recipe steps. Settings come from <c>Cms:Media</c>.
    /// </summary>
    public static IServiceCollection AddCmsMedia(this IServiceCollection services, CmsDataOptions dataOptions)
    {
        var data = Path.GetFullPath(dataOptions.DataDirectory);
        services.AddOptions<MediaOptions>()
            .Configure<IServiceProvider>((options, sp) => sp.GetService<IConfiguration>()?.GetSection("Cms:Media").Bind(options))
            .PostConfigure(options =>
            {
                options.RootPath = Path.Combine(data, "Media");
                options.CachePath = Path.Combine(data, "cache", "media");
                options.TempPath = Path.Combine(data, "tmp", "media");
                options.KeysPath = Path.Combine(data, "keys");
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MediaOptions>, MediaOptionsValidator>();
        Directory.CreateDirectory(Path.Combine(data, "Media"));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<MediaOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IMediaFileStore>(sp => sp.GetRequiredService<MediaOptions>().StoreKind == MediaStoreKind.S3
            ? ActivatorUtilities.CreateInstance<S3MediaStore>(sp)
            : ActivatorUtilities.CreateInstance<FileSystemMediaStore>(sp));
        services.AddSingleton<ImageGate>();
        services.AddSingleton<ImagePreparer>();
        services.AddSingleton<MediaSigningKey>();
        services.AddSingleton<MediaSigner>();
        services.AddSingleton<DerivativeUrls>();
        services.AddSingleton<DerivativeCache>();
        services.AddSingleton<MediaUploadReader>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<MediaBackfill>();
        services.AddScoped<MediaProfileStore>();
        services.AddScoped<DerivativeRenderer>();
        services.AddScoped<IMediaDerivatives, MediaDerivatives>();
        services.AddRecipeStep<MediaStep>();
        services.AddRecipeStep<MediaProfilesStep>();
        return services;
    }

    /// <summary>
    /// Serves the media library at <c>/media</c>: a request with derivative commands goes to the signed derivative
    /// handler, anything else is the original file (from disk, or streamed from the S3 store), with headers that stop
    /// a file being run as a page.
    /// </summary>
    public static IApplicationBuilder UseCmsMedia(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<MediaOptions>();
        var requestPath = new PathString(options.RequestPath);
        app.Use(async (context, next) =>
        {
            if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                && context.Request.Path.StartsWithSegments(requestPath, out var rest)
                && DerivativeRequestParser.AsksForDerivative(context.Request.Query))
            {
                await DerivativeEndpoint.HandleAsync(context, rest.Value?.TrimStart('/') ?? "");
                return;
            }

            if (options.StoreKind != MediaStoreKind.FileSystem
                && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                && context.Request.Path.StartsWithSegments(requestPath, out var original)
                && await StoredOriginalEndpoint.TryHandleAsync(context, original.Value?.TrimStart('/') ?? ""))
            {
                return;
            }

            await next(context);
        });
        if (options.StoreKind != MediaStoreKind.FileSystem)
        {
            return app;
        }

        return app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = requestPath,
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

    /// <summary>The media API (<c>/api/media</c>).</summary>
    public static IEndpointRouteBuilder MapCmsMedia(this IEndpointRouteBuilder endpoints) => endpoints.MapMediaApi();
}
