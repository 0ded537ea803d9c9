namespace Cms.Security.Permissions;

/// <summary>A block of the permission matrix: the global permissions, or one securable content type.</summary>
/// <param name="Key"><c>Global</c>, or the content type's technical name.</param>
/// <param name="Title">e.g. "Global" or "Article content type".</param>
/// <param name="ContentType">The content type's technical name, null for the global group.</param>
public sealed record PermissionGroup(string Key, string Title, string? ContentType, IReadOnlyList<PermissionDescriptor> Permissions);
