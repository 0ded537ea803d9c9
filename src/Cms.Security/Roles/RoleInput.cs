namespace Cms.Security.Roles;

/// <summary>The role form: name (ignored on update), description and the exact set of permissions.</summary>
public sealed record RoleInput
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Permissions { get; init; } = [];
}
