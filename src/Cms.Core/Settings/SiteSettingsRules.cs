using System.Text;
using Cms.Core.Content;

namespace Cms.Core.Settings;

/// <summary>
/// The one check of site settings, applied by <see cref="ISiteSettingsService.SaveAsync"/> whoever saves (the admin,
/// the recipe step, setup): texts are plain text (control characters removed, spaces trimmed, no markup), lengths are
/// bounded, links are http(s) addresses (the cookie notice's may also be paths on the site), the logo is a media path,
/// the time zone is known. Every problem is reported with its path (<c>$.SocialLinks[1].Url</c>); nothing is saved
/// unless all pass.
/// </summary>
public static class SiteSettingsRules
{
    public const int MaxSiteName = 200;
    public const int MaxTagline = 300;
    public const int MaxFooterText = 2000;
    public const int MaxNoticeText = 1000;
    public const int MaxLinkName = 100;
    public const int MaxUrl = 2000;
    public const int MaxLogoPath = 500;
    public const int MaxSocialLinks = 20;
    public const int MaxNoticeLinks = 10;

    /// <summary>The settings cleaned, or <see cref="ContentValidationException"/> listing every problem.</summary>
    public static SiteSettings Clean(SiteSettings settings)
    {
        var errors = new List<ContentValidationError>();
        var siteName = Text(settings.SiteName, "$.SiteName", MaxSiteName, multiline: false, errors) ?? "";
        if (siteName.Length == 0)
        {
            errors.Add(new ContentValidationError("$.SiteName", "is required."));
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZone ?? "", out _))
        {
            errors.Add(new ContentValidationError("$.TimeZone", $"'{settings.TimeZone}' is not a known time zone id (use an IANA id such as 'Europe/London')."));
        }

        var socialLinks = new List<SocialLink>();
        var social = settings.SocialLinks ?? [];
        if (social.Count > MaxSocialLinks)
        {
            errors.Add(new ContentValidationError("$.SocialLinks", $"takes at most {MaxSocialLinks} links."));
        }

        for (var i = 0; i < social.Count; i++)
        {
            var path = $"$.SocialLinks[{i}]";
            var name = Text(social[i]?.Name, $"{path}.Name", MaxLinkName, multiline: false, errors);
            var url = Url(social[i]?.Url, $"{path}.Url", allowPath: false, errors);
            if (string.IsNullOrEmpty(name))
            {
                errors.Add(new ContentValidationError($"{path}.Name", "is required."));
            }

            socialLinks.Add(new SocialLink(name ?? "", url ?? ""));
        }

        var notice = settings.CookieNotice ?? new CookieNotice();
        var noticeLinks = new List<NoticeLink>();
        var links = notice.Links ?? [];
        if (links.Count > MaxNoticeLinks)
        {
            errors.Add(new ContentValidationError("$.CookieNotice.Links", $"takes at most {MaxNoticeLinks} links."));
        }

        for (var i = 0; i < links.Count; i++)
        {
            var path = $"$.CookieNotice.Links[{i}]";
            var text = Text(links[i]?.Text, $"{path}.Text", MaxLinkName, multiline: false, errors);
            var url = Url(links[i]?.Url, $"{path}.Url", allowPath: true, errors);
            if (string.IsNullOrEmpty(text))
            {
                errors.Add(new ContentValidationError($"{path}.Text", "is required."));
            }

            noticeLinks.Add(new NoticeLink(text ?? "", url ?? ""));
        }

        var cleaned = settings with
        {
            SiteName = siteName,
            Tagline = Text(settings.Tagline, "$.Tagline", MaxTagline, multiline: false, errors),
            Logo = Logo(settings.Logo, errors),
            FooterText = Text(settings.FooterText, "$.FooterText", MaxFooterText, multiline: true, errors),
            SocialLinks = socialLinks,
            CookieNotice = new CookieNotice
            {
                Text = Text(notice.Text, "$.CookieNotice.Text", MaxNoticeText, multiline: true, errors),
                Links = noticeLinks,
            },
        };
        return errors.Count == 0 ? cleaned : throw new ContentValidationException(errors);
    }

    /// <summary>An absolute http(s) address (or, with <paramref name="allowPath"/>, a path on the site such as <c>/terms-of-use</c>).</summary>
    public static bool IsAllowedUrl(string url, bool allowPath) =>
        (allowPath && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal))
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0);

    /// <summary>Plain text: control characters removed (line breaks kept when <paramref name="multiline"/>), trimmed, no markup; null when empty.</summary>
    private static string? Text(string? value, string path, int max, bool multiline, List<ContentValidationError> errors)
    {
        if (value is null)
        {
            return null;
        }

        var text = new StringBuilder(value.Length);
        foreach (var c in value.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            if (c == '\n' || c == '\t')
            {
                text.Append(multiline && c == '\n' ? '\n' : ' ');
            }
            else if (!char.IsControl(c) && c is not ('\u200B' or '\u2028' or '\u2029' or '\uFEFF'))
            {
                text.Append(c);
            }
        }

        var clean = multiline
            ? string.Join('\n', text.ToString().Split('\n').Select(line => line.Trim())).Trim()
            : text.ToString().Trim();
        if (clean.Contains('<', StringComparison.Ordinal) || clean.Contains('>', StringComparison.Ordinal))
        {
            errors.Add(new ContentValidationError(path, "must be plain text, without '<' or '>' (markup is not allowed)."));
        }

        if (clean.Length > max)
        {
            errors.Add(new ContentValidationError(path, $"must be at most {max} characters (it has {clean.Length})."));
        }

        return clean.Length == 0 ? null : clean;
    }

    private static string? Url(string? value, string path, bool allowPath, List<ContentValidationError> errors)
    {
        var url = value?.Trim() ?? "";
        if (url.Length == 0)
        {
            errors.Add(new ContentValidationError(path, "is required."));
        }
        else if (url.Length > MaxUrl)
        {
            errors.Add(new ContentValidationError(path, $"must be at most {MaxUrl} characters."));
        }
        else if (url.Any(char.IsControl) || url.Any(char.IsWhiteSpace) || !IsAllowedUrl(url, allowPath))
        {
            errors.Add(new ContentValidationError(path, allowPath
                ? $"'{Shorten(url)}' must be an http or https address, or a path on the site starting with '/'."
                : $"'{Shorten(url)}' must be an http or https address."));
        }

        return url;
    }

    /// <summary>A path in the media library, by the media field's rule (<see cref="Fields.MediaFieldKind.IsSafeMediaPath"/>).</summary>
    private static string? Logo(string? value, List<ContentValidationError> errors)
    {
        var path = value?.Trim();
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        if (path.Length > MaxLogoPath || path.Any(char.IsControl) || !Fields.MediaFieldKind.IsSafeMediaPath(path))
        {
            errors.Add(new ContentValidationError("$.Logo", $"'{Shorten(path)}' is not a media library path: use a relative path without '..', such as 'site/logo.png' (at most {MaxLogoPath} characters)."));
        }

        return path;
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
