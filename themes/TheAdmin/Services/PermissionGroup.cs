namespace Cms.Admin.Services;

/// <summary>A group of the permission catalogue. <see cref="ContentType"/> is set for a content type's group.</summary>
public sealed record PermissionGroup(string Title, string? ContentType, IReadOnlyList<PermissionEntry> Permissions);
