using System.Security.Claims;
using Cms.Core.Media;
using Cms.Core.Security;
using Cms.Media.Derivatives;
using Cms.Media.Library;
using Cms.Media.Profiles;
using Cms.Security;
using Cms.Security.Permissions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Cms.Media.Api;

/// <summary>
/// <c>/api/media</c>: upload (multipart, <c>file</c> part), list, folders, read, update texts/focal point/crops,
/// where used, profile derivatives and delete. Bearer tokens from the CMS's OpenID server or the admin cookie,
/// with <c>ManageOwnMedia</c> (browse, upload, change and delete one's own files) or <c>ManageMedia</c> (every file); forcing the
/// delete of a file in use also needs <c>DeleteUsedMedia</c>.
/// </summary>
public static class MediaApiEndpoints
{
    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/media").RequireApiPermissions(Permissions.ManageOwnMedia);
        // DisableAntiforgery turns off only the framework's form check: a cookie-authenticated upload is checked by
        // Cms.Security's rule for every /api write (the RequestVerificationToken header); a bearer upload needs no token.
        api.MapPost("", UploadAsync).WithName("UploadMedia").DisableAntiforgery();
        api.MapGet("", ListAsync).WithName("ListMedia");
        api.MapGet("/folders", FoldersAsync).WithName("ListMediaFolders");
        api.MapGet("/{id}", GetAsync).WithName("GetMedia");
        api.MapPatch("/{id}", UpdateAsync).WithName("UpdateMedia");
        api.MapGet("/{id}/usage", UsageAsync).WithName("GetMediaUsage");
        api.MapGet("/{id}/derivatives", DerivativesAsync).WithName("GetMediaDerivatives");
        api.MapDelete("/{id}", DeleteAsync).WithName("DeleteMedia");
        return endpoints;
    }

    private static async Task<Created<MediaItem>> UploadAsync(HttpRequest request, ClaimsPrincipal user, MediaUploadReader reader, MediaLibrary library, CancellationToken cancellationToken)
    {
        await using var upload = await reader.ReadAsync(request, cancellationToken);
        var item = await library.UploadAsync(
            new MediaUpload(upload.File!, upload.FileName)
            {
                Folder = upload.Fields.GetValueOrDefault("folder"),
                AltText = upload.Fields.GetValueOrDefault("altText"),
                Caption = upload.Fields.GetValueOrDefault("caption"),
                Credit = upload.Fields.GetValueOrDefault("credit"),
            },
            user.GetActorName() ?? "unknown",
            user.GetActorId(),
            cancellationToken);
        return TypedResults.Created($"/api/media/{item.Id}", item);
    }

    /// <summary>A page of the library; <paramref name="path"/> instead looks up the one file at that path (what a media field stores).</summary>
    private static async Task<Ok<MediaPage>> ListAsync(MediaLibrary library, string? folder, string? search, MediaSort? sort, int? skip, int? take, string? path, CancellationToken cancellationToken)
    {
        if (path is not null)
        {
            return TypedResults.Ok(await library.GetByPathAsync(path, cancellationToken) is { } item ? new MediaPage(1, [item]) : new MediaPage(0, []));
        }

        return TypedResults.Ok(await library.ListAsync(
            new MediaQuery { Folder = folder, Search = search, Sort = sort ?? MediaSort.Newest, Skip = skip ?? 0, Take = take ?? 50 },
            cancellationToken));
    }

    private static async Task<Ok<IReadOnlyList<MediaFolder>>> FoldersAsync(MediaLibrary library, CancellationToken cancellationToken) =>
        TypedResults.Ok(await library.GetFoldersAsync(cancellationToken));

    private static async Task<Results<Ok<MediaItem>, NotFound>> GetAsync(string id, MediaLibrary library, CancellationToken cancellationToken) =>
        await library.GetAsync(id, cancellationToken) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound();

    private static async Task<Ok<MediaItem>> UpdateAsync(string id, MediaUpdateRequest body, ClaimsPrincipal user, IPermissionService permissions, MediaLibrary library, CancellationToken cancellationToken) =>
        TypedResults.Ok(await library.UpdateAsync(id, new MediaUpdate
        {
            AltText = body.AltText,
            Caption = body.Caption,
            Credit = body.Credit,
            FocalPoint = body.FocalPoint,
            Crops = body.Crops,
        }, await OnlyOwnedByAsync(user, permissions, cancellationToken), cancellationToken));

    /// <summary>Null for holders of <c>ManageMedia</c> (every file); otherwise the caller's id (<c>ManageOwnMedia</c>: their own files).</summary>
    private static async Task<string?> OnlyOwnedByAsync(ClaimsPrincipal user, IPermissionService permissions, CancellationToken cancellationToken) =>
        await permissions.HasPermissionAsync(user, Permissions.ManageMedia, cancellationToken) ? null : user.GetActorId() ?? "";

    private static async Task<Results<Ok<IReadOnlyList<MediaUsage>>, NotFound>> UsageAsync(string id, MediaLibrary library, CancellationToken cancellationToken) =>
        await library.GetAsync(id, cancellationToken) is { } item
            ? TypedResults.Ok(await library.WhereUsedAsync(item.Path, cancellationToken))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<ProfileDerivative>>, NotFound>> DerivativesAsync(
        string id, double? focalX, double? focalY, MediaLibrary library, MediaProfileStore profiles, DerivativeUrls urls, CancellationToken cancellationToken)
    {
        if (await library.GetAsync(id, cancellationToken) is not { } item)
        {
            return TypedResults.NotFound();
        }

        // The crop editor asks where the automatic crops fall for a focal point it has not saved yet.
        var focal = item.FocalPoint;
        if (focalX is not null || focalY is not null)
        {
            focal = new FocalPoint(focalX ?? focal.X, focalY ?? focal.Y);
            if (!focal.IsValid())
            {
                throw new MediaRejectedException("focalX and focalY must be between 0 and 1.");
            }
        }

        var list = (await profiles.GetAsync(cancellationToken)).Values
            .Select(p => new ProfileDerivative(p.Name, p.Width, p.Height, p.Mode.ToString(),
                urls.ForProfile(item.Path, item.ContentHash, p, item.Crops.GetValueOrDefault(p.Name), item.FocalPoint),
                item.Crops.ContainsKey(p.Name),
                AutomaticRegion(item, p, focal)))
            .ToList();
        return TypedResults.Ok<IReadOnlyList<ProfileDerivative>>(list);
    }

    /// <summary>The part of the image a profile shows without a crop rectangle, as fractions (null for a profile that does not crop).</summary>
    private static CropRectangle? AutomaticRegion(MediaItem item, MediaProfile profile, FocalPoint focal)
    {
        if (profile.Mode != ResizeMode.Crop || item.Width <= 0 || item.Height <= 0)
        {
            return null;
        }

        var region = CropGeometry.Region(item.Width, item.Height, profile.Width, profile.Height, null, focal);
        return new CropRectangle((double)region.X / item.Width, (double)region.Y / item.Height, (double)region.Width / item.Width, (double)region.Height / item.Height);
    }

    private static async Task<NoContent> DeleteAsync(string id, bool? force, ClaimsPrincipal user, IPermissionService permissions, MediaLibrary library, CancellationToken cancellationToken)
    {
        var mayForce = force == true && await permissions.HasPermissionAsync(user, Permissions.DeleteUsedMedia, cancellationToken);
        await library.DeleteAsync(id, force == true, mayForce, user.GetActorName() ?? "unknown", await OnlyOwnedByAsync(user, permissions, cancellationToken), cancellationToken);
        return TypedResults.NoContent();
    }
}
