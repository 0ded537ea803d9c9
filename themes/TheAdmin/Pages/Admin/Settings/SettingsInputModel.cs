namespace Cms.Admin.Pages.Admin.Settings;

/// <summary>The site settings form. The rules (lengths, plain text, http(s) links) are <c>SiteSettingsRules</c>', applied when saving.</summary>
public sealed class SettingsInputModel
{
    public string? SiteName { get; set; }

    public string? TimeZone { get; set; }

    public string? Tagline { get; set; }

    public string? Logo { get; set; }

    public string? FooterText { get; set; }

    public List<SettingsLinkInput> SocialLinks { get; set; } = [];

    public string? CookieNoticeText { get; set; }

    public List<SettingsLinkInput> CookieNoticeLinks { get; set; } = [];
}
