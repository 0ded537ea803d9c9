namespace Cms.Admin.Services;

/// <summary>What users may change on their own account: nothing that grants rights.</summary>
public sealed record AdminProfileUpdate(string? DisplayName, string Email);
