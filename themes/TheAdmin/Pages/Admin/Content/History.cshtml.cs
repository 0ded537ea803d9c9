using Cms.Admin.Navigation;
using Cms.Core.Audit;
using Cms.Core.Content;
using Cms.Core.Metadata;
using Cms.Core.Security;
using Cms.Workflow.Audit;
using Cms.Workflow.Desk;
using Cms.Workflow.History;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin.Content;

/// <summary>
/// An item's history: its versions with who, when, stage and comments; a side-by-side comparison of any two; restoring
/// one as a new draft; and the item's audit entries for callers who hold ViewAuditTrail. Reading needs the preview
/// permission on the item (an item the caller may not preview is not found); restoring needs the edit permission,
/// both checked by Cms.Workflow's <see cref="ContentHistory"/> and the content manager.
/// </summary>
public sealed class HistoryModel(
    ContentHistory history,
    AuditTrail audit,
    IContentManager content,
    IContentAccess access,
    IContentDefinitionManager definitions,
    ContentDesk desk) : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    public string Title { get; private set; } = "";

    public string TypeDisplayName { get; private set; } = "";

    public IReadOnlyList<VersionView> Versions { get; private set; } = [];

    public VersionDiff? Diff { get; private set; }

    public IReadOnlyList<DiffSide> Sides { get; private set; } = [];

    public IReadOnlyList<AuditEventView>? Audit { get; private set; }

    public int AuditTotal { get; private set; }

    public bool MayRestore { get; private set; }

    public SiteTime Time { get; private set; } = new(TimeZoneInfo.Utc);

    public string? Error { get; private set; }

    public VersionView? Latest => Versions.FirstOrDefault(v => v.Latest);

    public VersionView? Version(string? versionId) => Versions.FirstOrDefault(v => v.ContentItemVersionId == versionId);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }
        catch (ContentValidationException invalid)
        {
            // A version id that is not one of this item's: say so, and show the history without a comparison.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Error = invalid.Message;
            From = To = null;
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }
    }

    public async Task<IActionResult> OnPostRestoreAsync([FromForm] string versionId, [FromForm] string expected, CancellationToken cancellationToken)
    {
        try
        {
            var draft = await history.RestoreAsync(Id, versionId ?? "", expected ?? "", cancellationToken);
            var number = (await history.ListAsync(Id, cancellationToken)).FirstOrDefault(v => v.ContentItemVersionId == versionId)?.Number;
            StatusMessage = $"Version {number} was restored as a new draft of “{draft.DisplayText}”.";
            return Redirect(AdminUrls.ContentEdit(Id));
        }
        catch (ContentNotFoundException)
        {
            return NotFound();
        }
        catch (Exception ex) when (ex is ContentAccessDeniedException or ContentConflictException or ContentPreconditionException or ContentValidationException or ContentTransitionException)
        {
            Response.StatusCode = ex switch
            {
                ContentAccessDeniedException => StatusCodes.Status403Forbidden,
                ContentValidationException => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status409Conflict,
            };
            Error = ex is ContentConflictException or ContentPreconditionException
                ? "The item was changed by someone else since this page was opened; look at the newest version and try again."
                : ex.Message;
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }
    }

    public string CompareUrl(string from, string to) =>
        $"{AdminUrls.ContentHistory(Id)}?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}#compare";

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Versions = await history.ListAsync(Id, cancellationToken);
        }
        catch (ContentNotFoundException)
        {
            return false;
        }

        Time = new SiteTime(await desk.SiteTimeZoneAsync(cancellationToken));
        var latest = await content.GetAsync(Id, VersionOptions.Latest, cancellationToken);
        if (latest is null)
        {
            return false;
        }

        Title = latest.DisplayText ?? Id;
        var definitionSet = await definitions.GetAsync(cancellationToken);
        var type = definitionSet.FindType(latest.ContentType);
        TypeDisplayName = type?.DisplayName ?? latest.ContentType;
        MayRestore = await access.IsAllowedAsync(ContentAction.Edit, latest, cancellationToken);

        if (Versions.Count > 1 || From is not null || To is not null)
        {
            Diff = await history.DiffAsync(Id, From, To, cancellationToken);
            From = Diff.FromVersionId;
            To = Diff.ToVersionId;
            Sides = [.. Diff.Fields.Select(f => DiffSide.From(f, Label(definitionSet, type, f.Path)))];
        }

        if (await access.HasPermissionAsync(Permissions.ViewAuditTrail, cancellationToken))
        {
            var (items, total) = await audit.QueryAsync(new AuditQuery { TargetType = AuditTargets.ContentItem, TargetId = Id, Take = 50 }, cancellationToken);
            Audit = items;
            AuditTotal = total;
        }

        return true;
    }

    /// <summary>A field's label as the editor shows it: the field's display name, or the built-in part's.</summary>
    private static string Label(ContentDefinitionSet definitionSet, ContentTypeDefinition? type, string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var (part, field) = dot < 0 ? (path, "") : (path[..dot], path[(dot + 1)..]);
        switch (part, field)
        {
            case ("TitlePart", "Title"):
                return "Title";
            case ("HtmlBodyPart", "Html"):
                return "Body";
            case ("AutoroutePart", "Path"):
                return "Path";
        }

        if (type is not null)
        {
            foreach (var (typePart, definition) in definitionSet.FieldsOf(type))
            {
                if (typePart.Name == part && definition.Name == field)
                {
                    return definition.DisplayName;
                }
            }
        }

        return path;
    }
}
