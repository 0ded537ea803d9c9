using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Recipes;
using Cms.Recipes.Export;

namespace Cms.Security.Roles;

/// <summary>
/// Orchard Core's <c>Roles</c> step: <c>{ "name": "Roles", "Roles": [ { "Name", "Description", "Permissions": [...],
/// "PermissionBehavior": "Replace" | "Add" | "Remove" } ] }</c>. Creates missing roles and sets their permissions
/// (by default to exactly the list); running it twice changes nothing. Administrator's permissions are implicit and
/// never stored. An unknown permission fails the recipe with the path of the offending entry. Exports write every role.
/// </summary>
public sealed class RolesStep(RoleAdministration roles) : IRecipeStep, IRecipeExportSource
{
    public string Name => "Roles";

    public int Order => RecipeExportOrder.Roles;

    /// <summary>Every role with its stored permissions (Administrator's are implicit: an empty list), replaced whole on import.</summary>
    public async Task ExportAsync(RecipeExportContext context, CancellationToken cancellationToken)
    {
        var list = new JsonArray();
        foreach (var role in await roles.ListCoreAsync(null, cancellationToken))
        {
            var entry = new JsonObject { ["Name"] = role.Name };
            if (role.Description is not null)
            {
                entry["Description"] = role.Description;
            }

            entry["Permissions"] = new JsonArray([.. role.Permissions.Select(p => (JsonNode)p)]);
            list.Add(entry);
        }

        context.WriteStep(new JsonObject { ["name"] = Name, ["Roles"] = list });
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (context.Step["Roles"] is not JsonArray list)
        {
            throw context.Error("Roles", "must be an array of roles.");
        }

        var planned = new List<(string Name, string? Description, List<string> Permissions, PermissionBehavior Behavior)>();
        for (var i = 0; i < list.Count; i++)
        {
            var path = $"Roles[{i}]";
            if (list[i] is not JsonObject role)
            {
                throw context.Error(path, "must be an object with a Name.");
            }

            var name = ReadString(context, role, "Name", path, required: true)!;
            var description = ReadString(context, role, "Description", path, required: false);
            var behavior = PermissionBehavior.Replace;
            if (ReadString(context, role, "PermissionBehavior", path, required: false) is { } behaviorText
                && !Enum.TryParse(behaviorText, ignoreCase: true, out behavior))
            {
                throw context.Error($"{path}.PermissionBehavior", $"'{behaviorText}' is not one of Replace, Add, Remove.");
            }

            var permissions = new List<string>();
            switch (role["Permissions"])
            {
                case null:
                    break;
                case JsonArray array:
                    for (var p = 0; p < array.Count; p++)
                    {
                        if (array[p] is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
                        {
                            throw context.Error($"{path}.Permissions[{p}]", "must be a permission name (a string).");
                        }

                        var permission = value.GetValue<string>().Trim();
                        var unknown = await roles.UnknownPermissionsAsync([permission], cancellationToken);
                        if (unknown.Count > 0)
                        {
                            throw context.Error($"{path}.Permissions[{p}]", $"unknown permission '{permission}'. Per type permissions exist only for securable content types defined before this step.");
                        }

                        permissions.Add(permission);
                    }

                    break;
                default:
                    throw context.Error($"{path}.Permissions", "must be an array of permission names.");
            }

            planned.Add((name, description, permissions, behavior));
        }

        foreach (var (name, description, permissions, behavior) in planned)
        {
            await roles.SaveAsync(name, description, permissions, behavior, cancellationToken);
        }
    }

    private static string? ReadString(RecipeStepContext context, JsonObject role, string key, string path, bool required)
    {
        switch (role[key])
        {
            case null when required:
                throw context.Error($"{path}.{key}", "is required.");
            case null:
                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Trim() is { } text && (text.Length > 0 || !required):
                return text;
            default:
                throw context.Error($"{path}.{key}", required ? "must be a non-empty string." : "must be a string.");
        }
    }
}
