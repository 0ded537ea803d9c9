using Cms.Admin.Navigation;
using Cms.Admin.Services;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Admin.Pages.Admin.Clients;

/// <summary>
/// Registers a client. A confidential client's secret is shown once, on the response to the post itself
/// (no redirect, nothing in TempData or the address, not cacheable); only its hash is stored.
/// </summary>
public sealed class CreateModel(IAdminClients clients, IAdminUsers users) : ClientPageModel(users)
{
    [BindProperty]
    public ClientInputModel Input { get; set; } = new() { AllowClientCredentials = true };

    /// <summary>Set after a successful creation of a confidential client: the one time its secret is shown.</summary>
    public string? Secret { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadRolesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadRolesAsync(cancellationToken);
        if (!ModelState.IsValid || !CheckAdministratorRole(Input.Roles, []))
        {
            return Page();
        }

        var result = await clients.CreateAsync(Input.ToInput(), cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return Page();
        }

        if (result.Value is null)
        {
            StatusMessage = $"The public client {Input.ClientId.Trim()} was created. It has no secret: it must use PKCE.";
            return LocalRedirect(AdminUrls.Clients);
        }

        NoStore();
        Secret = result.Value;
        return Page();
    }
}
