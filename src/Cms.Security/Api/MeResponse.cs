namespace Cms.Security.Api;

/// <summary>GET /api/me: who the caller is and what they may do. Never secrets, hashes or stamps.</summary>
/// <param name="Kind"><c>user</c> or <c>client</c>.</param>
public sealed record MeResponse(string? Id, string? Name, string Kind, IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions);
