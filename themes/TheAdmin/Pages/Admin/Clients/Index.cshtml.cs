using Cms.Admin.Navigation;
using Cms.Admin.Services;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Admin.Pages.Admin.Clients;

public sealed class IndexModel(IAdminClients clients, IAdminUsers users) : ClientPageModel(users)
{
    public IReadOnlyList<AdminClientDetails> Clients { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Clients = await clients.ListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(string clientId, CancellationToken cancellationToken)
    {
        var existing = await clients.FindAsync(clientId, cancellationToken);
        if (existing is not null && !CheckAdministratorRole([], existing.Roles))
        {
            Clients = await clients.ListAsync(cancellationToken);
            ModelState.AddModelError(string.Empty, "Only an administrator can delete a client that acts as Administrator.");
            return Page();
        }

        var result = await clients.DeleteAsync(clientId, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result);
            Clients = await clients.ListAsync(cancellationToken);
            return Page();
        }

        StatusMessage = $"The client {clientId} was deleted; its tokens can no longer be renewed.";
        return LocalRedirect(AdminUrls.Clients);
    }
}
