using System.Security.Claims;
using Cms.Admin.Navigation;
using Cms.Admin.Pages.Admin.Content;
using Cms.Admin.Services;
using Cms.Workflow.Desk;

namespace Cms.Admin.Pages.Admin;

/// <summary>The dashboard: the review inbox, links to the areas the user may use and the permissions their roles grant.</summary>
public sealed class IndexModel(AdminNavigation navigation, IAdminPermissions permissions, IAdminUsers users, ContentDesk desk) : AdminPageModel
{
    public const int InboxSize = 5;

    /// <summary>Assigned to me, waiting for review, overdue, scheduled today; null for someone who works on no content type.</summary>
    public ReviewInbox? Inbox { get; private set; }

    public SiteTime Time { get; private set; } = new(TimeZoneInfo.Utc);

    public IReadOnlyList<AdminMenuItem> Areas { get; private set; } = [];

    /// <summary>The catalogue reduced to what the user holds, group by group.</summary>
    public IReadOnlyList<PermissionGroup> Granted { get; private set; } = [];

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public string? DisplayName { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Inbox = await desk.InboxAsync(InboxSize, cancellationToken);
        Time = new SiteTime(Inbox?.TimeZone ?? TimeZoneInfo.Utc);
        Areas = [.. (await navigation.VisibleAsync(User)).Where(i => i.Url != AdminUrls.Dashboard)];
        var granted = await permissions.GetGrantedAsync(User, cancellationToken);
        Granted =
        [
            .. (await permissions.GetCatalogueAsync(cancellationToken))
                .Select(g => g with { Permissions = [.. g.Permissions.Where(p => granted.Contains(p.Name))] })
                .Where(g => g.Permissions.Count > 0),
        ];
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && await users.FindAsync(userId, cancellationToken) is { } me)
        {
            DisplayName = me.DisplayName ?? me.UserName;
            Roles = me.Roles;
        }
    }
}
