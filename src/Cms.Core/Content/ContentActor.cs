namespace Cms.Core.Content;

/// <summary>Who makes a change: recorded as Owner (user id) on new items and Author (user name) on each version.</summary>
public sealed record ContentActor(string? UserId, string? UserName, bool IsSystem)
{
    public static readonly ContentActor System = new(null, "system", true);
}
