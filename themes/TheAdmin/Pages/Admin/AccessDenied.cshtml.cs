using Cms.Admin.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace Cms.Admin.Pages.Admin;

/// <summary>
/// Where the cookie sends a signed-in user who lacks a permission. It finds the page they asked for
/// (the local <c>ReturnUrl</c>), reads the policies on it and names the ones the user does not meet.
/// </summary>
public sealed class AccessDeniedModel(EndpointDataSource endpoints, IAuthorizationService authorization, IAdminPermissions permissions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The permissions the requested page needs and the user lacks (empty when unknown).</summary>
    public IReadOnlyList<PermissionEntry> Missing { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        if (string.IsNullOrEmpty(ReturnUrl) || !Url.IsLocalUrl(ReturnUrl))
        {
            ReturnUrl = null;
            return;
        }

        var path = new PathString(ReturnUrl.Split('?', '#')[0]);
        var policies = PoliciesOf(path);
        if (policies.Count == 0)
        {
            return;
        }

        var descriptions = (await permissions.GetCatalogueAsync(HttpContext.RequestAborted))
            .SelectMany(g => g.Permissions)
            .ToDictionary(p => p.Name, p => p.Description, StringComparer.Ordinal);
        var missing = new List<PermissionEntry>();
        foreach (var policy in policies)
        {
            if (!(await authorization.AuthorizeAsync(User, policy)).Succeeded)
            {
                missing.Add(new PermissionEntry(policy, descriptions.GetValueOrDefault(policy, policy)));
            }
        }

        Missing = missing;
    }

    private List<string> PoliciesOf(PathString path)
    {
        // The catch-all not-found page matches every admin address: a real page's endpoint comes first.
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>().OrderBy(e => e.RoutePattern.Parameters.Any(p => p.IsCatchAll)))
        {
            var matcher = new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), new RouteValueDictionary());
            if (matcher.TryMatch(path, new RouteValueDictionary()))
            {
                return
                [
                    .. endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
                        .Select(a => a.Policy)
                        .OfType<string>()
                        .Where(p => p.Length > 0)
                        .Distinct(StringComparer.Ordinal),
                ];
            }
        }

        return [];
    }
}
