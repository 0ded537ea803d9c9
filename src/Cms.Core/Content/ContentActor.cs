namespace Cms.Core.Content;

/// <summary>
/// Who makes a change: recorded as Owner (user id) on new items and Author (user name) on each version, and with
/// the API client and address in the audit trail.
/// </summary>
public sealed record ContentActor(string? UserId, string? UserName, bool IsSystem)
{
    public static readonly ContentActor System = new(null, "system", true);

    /// <summary>The OpenID client the request came through, if any.</summary>
    public string? ClientId { get; init; }

    /// <summary>The caller's IP address, if the change came over HTTP.</summary>
    public string? IpAddress { get; init; }
}
