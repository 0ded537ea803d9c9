namespace Cms.Admin.Navigation;

/// <summary>The admin's fixed addresses (the cookie options of the security capability point at the first three).</summary>
public static class AdminUrls
{
    public const string Login = "/admin/login";
    public const string LoginTwoFactor = "/admin/login/two-factor";
    public const string LoginEnrol = "/admin/login/enrol";
    public const string Logout = "/admin/logout";
    public const string AccessDenied = "/admin/access-denied";
    public const string Dashboard = "/admin";
    public const string NotFound = "/admin/not-found";
    public const string Profile = "/admin/profile";
    public const string Users = "/admin/users";
    public const string Roles = "/admin/roles";
    public const string Clients = "/admin/clients";
    public const string Media = "/admin/media";
    public const string Export = "/admin/export";
    public const string Content = "/admin/content";
    public const string Menus = "/admin/menus";

    /// <summary>The menu editor of a menu.</summary>
    public static string MenuEdit(string id) => $"{Menus}/{Uri.EscapeDataString(id)}";
    public const string Webhooks = "/admin/webhooks";

    /// <summary>The editor of an item.</summary>
    public static string ContentEdit(string id) => $"{Content}/{Uri.EscapeDataString(id)}/edit";

    /// <summary>The editor of a new item of a type.</summary>
    public static string ContentNew(string type) => $"{Content}/new/{Uri.EscapeDataString(type)}";

    /// <summary>An item's versions, differences and audit entries.</summary>
    public static string ContentHistory(string id) => $"{Content}/{Uri.EscapeDataString(id)}/history";
}
