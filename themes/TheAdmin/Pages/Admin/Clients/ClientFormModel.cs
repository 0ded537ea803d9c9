using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cms.Admin.Pages.Admin.Clients;

/// <summary>What the client form partial needs: the values, the roles to offer and the model state for errors.</summary>
public sealed record ClientFormModel(ClientInputModel Input, bool IsNew, IReadOnlyList<string> AvailableRoles, bool CanGrantAdministrator, ModelStateDictionary ModelState)
{
    public string? ErrorFor(string field) =>
        ModelState.TryGetValue("Input." + field, out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : null;
}
