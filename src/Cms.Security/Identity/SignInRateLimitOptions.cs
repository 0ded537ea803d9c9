namespace Cms.Security.Identity;

/// <summary>
/// <c>Cms:Security:SignInRateLimit</c>: how many sign-in attempts (<c>POST /admin/login</c>, <c>POST /connect/token</c>)
/// one client address, and one account name, may make per window before getting 429 with <c>Retry-After</c>.
/// </summary>
public sealed class SignInRateLimitOptions
{
    public int PermitsPerAddress { get; set; } = 20;

    public int PermitsPerAccount { get; set; } = 6;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
