using Cms.Admin.Navigation;
using Cms.Admin.Services;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Admin.Pages.Admin.Clients;

/// <summary>Edit a client's name, flows, redirect URIs and roles; rotate its secret (shown once).</summary>
public sealed class EditModel(IAdminClients clients, IAdminUsers users) : ClientPageModel(users)
{
    [BindProperty]
    public ClientInputModel Input { get; set; } = new();

    public AdminClientDetails Client { get; private set; } = null!;

    /// <summary>Set right after a rotation: the one time the new secret is shown.</summary>
    public string? Secret { get; private set; }

    public async Task<IActionResult> OnGetAsync(string clientId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(clientId, cancellationToken))
        {
            return NotFound();
        }

        Input = ClientInputModel.From(Client);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string clientId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(clientId, cancellationToken))
        {
            return NotFound();
        }

        // Id and type are fixed: take them from the stored client, whatever was posted.
        Input.ClientId = Client.ClientId;
        Input.Type = Client.Type;
        ModelState.Remove("Input.ClientId");
        if (!ModelState.IsValid || !CheckAdministratorRole(Input.Roles, Client.Roles))
        {
            return Page();
        }

        var result = await clients.UpdateAsync(Client.ClientId, Input.ToInput(), cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return Page();
        }

        StatusMessage = $"The client {Client.ClientId} was saved.";
        return LocalRedirect(AdminUrls.Clients);
    }

    public async Task<IActionResult> OnPostRotateAsync(string clientId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(clientId, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        Input = ClientInputModel.From(Client);
        if (!CheckAdministratorRole([], Client.Roles))
        {
            return Page();
        }

        var result = await clients.RotateSecretAsync(Client.ClientId, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return Page();
        }

        NoStore();
        Secret = result.Value;
        return Page();
    }

    private async Task<bool> LoadAsync(string clientId, CancellationToken cancellationToken)
    {
        var client = await clients.FindAsync(clientId, cancellationToken);
        if (client is null)
        {
            return false;
        }

        Client = client;
        await LoadRolesAsync(cancellationToken);
        return true;
    }
}
