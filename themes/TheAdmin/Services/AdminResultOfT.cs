namespace Cms.Admin.Services;

/// <summary>An admin action that hands back a value on success (a new id, a client secret shown once).</summary>
public sealed record AdminResult<T>(T? Value, IReadOnlyList<AdminError> Errors) : AdminResult(Errors);
