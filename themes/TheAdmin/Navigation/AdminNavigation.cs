using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Cms.Admin.Navigation;

/// <summary>The menu entries the current user may use, checked with the same policies that guard the pages.</summary>
public sealed class AdminNavigation(IEnumerable<AdminMenuItem> items, IAuthorizationService authorization)
{
    private IReadOnlyList<AdminMenuItem>? _visible;

    public async Task<IReadOnlyList<AdminMenuItem>> VisibleAsync(ClaimsPrincipal user)
    {
        if (_visible is not null)
        {
            return _visible;
        }

        var visible = new List<AdminMenuItem>();
        foreach (var item in items)
        {
            if ((await authorization.AuthorizeAsync(user, item.Permission)).Succeeded)
            {
                visible.Add(item);
            }
        }

        _visible = [.. visible.OrderBy(i => i.Section is null ? 0 : 1).ThenBy(i => i.Section, StringComparer.Ordinal).ThenBy(i => i.Order)];
        return _visible;
    }

    /// <summary>Is <paramref name="item"/> the page at <paramref name="path"/> or one of its sub-pages?</summary>
    public static bool IsCurrent(AdminMenuItem item, string path) =>
        string.Equals(item.Url, AdminUrls.Dashboard, StringComparison.OrdinalIgnoreCase)
            ? string.Equals(path.TrimEnd('/'), AdminUrls.Dashboard, StringComparison.OrdinalIgnoreCase)
            : path.StartsWith(item.Url, StringComparison.OrdinalIgnoreCase)
              && (path.Length == item.Url.Length || path[item.Url.Length] == '/');
}
