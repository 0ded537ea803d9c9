using System.Globalization;
using Cms.Admin.Navigation;
using Cms.Core.Media;
using Cms.Core.Security;
using Cms.Media;
using Cms.Media.Derivatives;
using Cms.Media.Library;
using Cms.Media.Profiles;
using Cms.Security;
using Cms.Security.Permissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Admin.Pages.Admin.Media;

/// <summary>
/// The media library: a grid of thumbnails (each a signed derivative of the smallest profile) with folders, search,
/// sort and paging, uploads (by the page's script, to <c>POST /api/media</c>) and a details panel for the selected
/// file. Texts and deletes go through <see cref="MediaLibrary"/>, the same service as the API; crops and the focal
/// point are edited in the crop editor, which saves through <c>PATCH /api/media/{id}</c>.
/// </summary>
[Authorize(Policy = Permissions.ManageMedia)]
public sealed class IndexModel(MediaLibrary library, MediaProfileStore profileStore, DerivativeUrls urls, IPermissionService permissions, Microsoft.Extensions.Options.IOptions<MediaOptions> options) : AdminPageModel
{
    public const int PageSize = 24;

    [BindProperty(SupportsGet = true, Name = "folder")]
    public string? Folder { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public MediaSort Sort { get; set; } = MediaSort.Newest;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "selected")]
    public string? SelectedId { get; set; }

    [BindProperty]
    public MediaTextsInput Texts { get; set; } = new();

    public MediaPage Results { get; private set; } = new(0, []);

    public IReadOnlyList<MediaFolder> Folders { get; private set; } = [];

    public IReadOnlyList<MediaProfile> Profiles { get; private set; } = [];

    public MediaItem? Selected { get; private set; }

    public IReadOnlyList<MediaUsage> SelectedUsage { get; private set; } = [];

    public bool MayDeleteUsed { get; private set; }

    /// <summary>The upload cap (<c>Cms:Media:MaxUploadBytes</c>), shown beside the drop zone.</summary>
    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    public int PageCount => Math.Max(1, (Results.TotalCount + PageSize - 1) / PageSize);

    /// <summary>The profile used for thumbnails: the one with the fewest pixels (the newsroom's 160×160 rail).</summary>
    public MediaProfile? ThumbnailProfile => Profiles.Where(p => p.Mode == ResizeMode.Crop).OrderBy(p => p.Width * p.Height).FirstOrDefault();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (SelectedId is not null && Selected is null)
        {
            return NotFound();
        }

        if (Selected is not null)
        {
            Texts = new MediaTextsInput { AltText = Selected.AltText, Caption = Selected.Caption, Credit = Selected.Credit };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (SelectedId is null || await library.GetAsync(SelectedId, cancellationToken) is null)
        {
            return NotFound();
        }

        try
        {
            // Empty boxes clear a text: the service keeps a null member as it is, so send empty strings.
            await library.UpdateAsync(SelectedId, new MediaUpdate
            {
                AltText = Texts.AltText ?? "",
                Caption = Texts.Caption ?? "",
                Credit = Texts.Credit ?? "",
            }, cancellationToken: cancellationToken);
        }
        catch (MediaRejectedException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            await LoadAsync(cancellationToken);
            return Page();
        }

        StatusMessage = "The texts of the file were saved.";
        return Redirect(ListUrl(PageNumber, SelectedId));
    }

    public async Task<IActionResult> OnPostDeleteAsync(bool force, CancellationToken cancellationToken)
    {
        if (SelectedId is null || await library.GetAsync(SelectedId, cancellationToken) is not { } item)
        {
            return NotFound();
        }

        var mayForce = force && await permissions.HasPermissionAsync(User, Permissions.DeleteUsedMedia, cancellationToken);
        if (force && !mayForce)
        {
            return Forbid();
        }

        try
        {
            await library.DeleteAsync(SelectedId, force, mayForce, User.GetActorName() ?? "unknown", cancellationToken: cancellationToken);
        }
        catch (MediaRejectedException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            await LoadAsync(cancellationToken);
            Texts = new MediaTextsInput { AltText = item.AltText, Caption = item.Caption, Credit = item.Credit };
            return Page();
        }

        StatusMessage = $"'{item.FileName}' was deleted.";
        return Redirect(ListUrl(PageNumber, null));
    }

    /// <summary>A signed thumbnail of <paramref name="item"/> in the smallest crop profile (the original when there is none).</summary>
    public string ThumbnailUrl(MediaItem item) =>
        ThumbnailProfile is { } profile
            ? urls.ForProfile(item.Path, item.ContentHash, profile, item.Crops.GetValueOrDefault(profile.Name), item.FocalPoint)
            : item.Url;

    /// <summary>The same list with another page or selection ("page" itself is a reserved Razor Pages route value, hence "p").</summary>
    public string ListUrl(int page, string? selected)
    {
        var query = new QueryString();
        if (!string.IsNullOrEmpty(Folder))
        {
            query = query.Add("folder", Folder);
        }

        if (!string.IsNullOrWhiteSpace(Search))
        {
            query = query.Add("q", Search);
        }

        if (Sort != MediaSort.Newest)
        {
            query = query.Add("sort", Sort.ToString());
        }

        if (page > 1)
        {
            query = query.Add("p", page.ToString(CultureInfo.InvariantCulture));
        }

        if (selected is not null)
        {
            query = query.Add("selected", selected);
        }

        return AdminUrls.Media + query.ToUriComponent();
    }

    public static string ByteSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };

    /// <summary>What the crop editor needs to open on the selected file (see <c>js/crop-editor.js</c>).</summary>
    public object? CropEditorOptions => Selected is not { } item ? null : new
    {
        mediaId = item.Id,
        url = item.Url,
        title = item.FileName,
        width = item.Width,
        height = item.Height,
        focalPoint = new { x = item.FocalPoint.X, y = item.FocalPoint.Y },
        crops = item.Crops.ToDictionary(c => c.Key, c => new { x = c.Value.X, y = c.Value.Y, width = c.Value.Width, height = c.Value.Height }),
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        var folder = string.IsNullOrEmpty(Folder) ? null : Folder;
        Results = await library.ListAsync(new MediaQuery
        {
            Folder = folder,
            Search = Search,
            Sort = Sort,
            Skip = (PageNumber - 1) * PageSize,
            Take = PageSize,
        }, cancellationToken);
        Folders = await library.GetFoldersAsync(cancellationToken);
        Profiles = [.. (await profileStore.GetAsync(cancellationToken)).Values.OrderByDescending(p => p.Width * p.Height)];
        if (SelectedId is not null && await library.GetAsync(SelectedId, cancellationToken) is { } selected)
        {
            Selected = selected;
            SelectedUsage = await library.WhereUsedAsync(selected.Path, cancellationToken);
            MayDeleteUsed = await permissions.HasPermissionAsync(User, Permissions.DeleteUsedMedia, cancellationToken);
        }
    }
}
