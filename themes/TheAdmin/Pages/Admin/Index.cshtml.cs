using System.Security.Claims;
using Cms.Admin.Navigation;
using Cms.Admin.Services;

namespace Cms.Admin.Pages.Admin;

/// <summary>The dashboard: links to the areas the user may use and the permissions their roles grant.</summary>
public sealed class IndexModel(AdminNavigation navigation, IAdminPermissions permissions, IAdminUsers users) : AdminPageModel
{
    public IReadOnlyList<AdminMenuItem> Areas { get; private set; } = [];

    /// <summary>The catalogue reduced to what the user holds, group by group.</summary>
    public IReadOnlyList<PermissionGroup> Granted { get; private set; } = [];

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public string? DisplayName { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
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
