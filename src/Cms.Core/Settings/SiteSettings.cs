namespace Cms.Core.Settings;

/// <summary>
/// Site-wide settings set by the <c>Settings</c> recipe step and the admin. The front-end ones (name, tagline, logo,
/// footer, social links, cookie notice) are public: anonymous GraphQL reads them as <c>site { ... }</c>. Every save goes
/// through <see cref="SiteSettingsRules.Clean"/>.
/// </summary>
public sealed record SiteSettings
{
    public string SiteName { get; init; } = "Newsroom";

    /// <summary>An IANA time zone id, e.g. <c>Asia/Baku</c>.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>The <see cref="TimeZone"/> as the system knows it; UTC when the id is unknown on this machine.</summary>
    public TimeZoneInfo FindTimeZone() => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>One line under the site name (plain text).</summary>
    public string? Tagline { get; init; }

    /// <summary>The logo's path in the media library, e.g. <c>site/logo.png</c>.</summary>
    public string? Logo { get; init; }

    /// <summary>The footer's text (plain text; line breaks kept).</summary>
    public string? FooterText { get; init; }

    /// <summary>The site's accounts elsewhere, in the order shown.</summary>
    public IReadOnlyList<SocialLink> SocialLinks { get; init; } = [];

    /// <summary>The cookie notice's text and links (privacy policy, terms of use).</summary>
    public CookieNotice CookieNotice { get; init; } = new();

    /// <summary>True once the setup recipe has run and the administrator exists.</summary>
    public bool SetupCompleted { get; init; }

    public DateTime? SetupCompletedUtc { get; init; }
}
