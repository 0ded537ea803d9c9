namespace Cms.Security.Permissions;

/// <summary>One permission as the role editor shows it.</summary>
/// <param name="Name">The stored name, e.g. <c>ManageUsers</c> or <c>EditOwn_Article</c>.</param>
/// <param name="Description">What it allows, in a sentence.</param>
/// <param name="ImpliedBy">Permissions that include this one (Orchard Core's implication graph).</param>
public sealed record PermissionDescriptor(string Name, string Description, IReadOnlyList<string> ImpliedBy);
