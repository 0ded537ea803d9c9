namespace Cms.Admin.Navigation;

/// <summary>What the role checkboxes partial needs. The Administrator box is read-only for non-administrators.</summary>
public sealed record RoleCheckboxesModel(
    IReadOnlyList<string> Available,
    IReadOnlyCollection<string> Selected,
    bool CanGrantAdministrator,
    string FieldName = "Input.Roles",
    string Legend = "Roles");
