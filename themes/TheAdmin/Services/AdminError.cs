namespace Cms.Admin.Services;

/// <summary>One error; <see cref="Field"/> names the input property it belongs to (null: the whole form).</summary>
public sealed record AdminError(string? Field, string Message);
