namespace Cms.Admin.Services;

/// <summary>A permission and the sentence that explains it to an administrator.</summary>
public sealed record PermissionEntry(string Name, string Description);
