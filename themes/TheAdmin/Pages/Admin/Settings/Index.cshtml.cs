using Cms.Core.Content;
using Cms.Core.Security;
using Cms.Core.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Admin.Pages.Admin.Settings;

/// <summary>
/// The site settings front ends read (<c>site { ... }</c> in GraphQL): name, tagline, logo, footer, social links and
/// the cookie notice, plus the time zone. Needs <c>ManageSettings</c> (checked on the server for GET and POST); the
/// values are checked by <see cref="SiteSettingsRules"/> through <see cref="ISiteSettingsService.SaveAsync"/>, the
/// same call the recipe step makes, and a refused save changes nothing.
/// </summary>
[Authorize(Policy = Permissions.ManageSettings)]
public sealed class IndexModel(ISiteSettingsService settings) : AdminPageModel
{
    public const string Address = "/admin/settings";

    /// <summary>Empty rows offered under the filled ones, to add links.</summary>
    private const int SpareRows = 2;

    [BindProperty]
    public SettingsInputModel Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(cancellationToken);
        Input = new SettingsInputModel
        {
            SiteName = current.SiteName,
            TimeZone = current.TimeZone,
            Tagline = current.Tagline,
            Logo = current.Logo,
            FooterText = current.FooterText,
            SocialLinks = [.. current.SocialLinks.Select(l => new SettingsLinkInput { Text = l.Name, Url = l.Url })],
            CookieNoticeText = current.CookieNotice.Text,
            CookieNoticeLinks = [.. current.CookieNotice.Links.Select(l => new SettingsLinkInput { Text = l.Text, Url = l.Url })],
        };
        AddSpareRows();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(cancellationToken);

        // Rows left empty are dropped; the others keep their row number for the error messages.
        var social = Rows(Input.SocialLinks);
        var notice = Rows(Input.CookieNoticeLinks);
        var updated = current with
        {
            SiteName = Input.SiteName ?? "",
            TimeZone = Input.TimeZone?.Trim() ?? "",
            Tagline = Input.Tagline,
            Logo = Input.Logo,
            FooterText = Input.FooterText,
            SocialLinks = [.. social.Select(r => new SocialLink(r.Link.Text ?? "", r.Link.Url ?? ""))],
            CookieNotice = new CookieNotice
            {
                Text = Input.CookieNoticeText,
                Links = [.. notice.Select(r => new NoticeLink(r.Link.Text ?? "", r.Link.Url ?? ""))],
            },
        };

        try
        {
            await settings.SaveAsync(updated, cancellationToken);
        }
        catch (ContentValidationException ex)
        {
            foreach (var error in ex.Errors)
            {
                ModelState.AddModelError(FormKey(error.Path, social, notice), $"{Label(error.Path, social, notice)}: {error.Message}");
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            AddSpareRows();
            return Page();
        }

        StatusMessage = "The site settings were saved. Front ends get them from their next GraphQL request.";
        return LocalRedirect(Address);
    }

    private void AddSpareRows()
    {
        for (var i = 0; i < SpareRows; i++)
        {
            Input.SocialLinks.Add(new SettingsLinkInput());
            Input.CookieNoticeLinks.Add(new SettingsLinkInput());
        }
    }

    private static List<(int Row, SettingsLinkInput Link)> Rows(List<SettingsLinkInput> links) =>
        [.. links.Select((link, row) => (row, link)).Where(r => !r.link.IsEmpty)];

    /// <summary>The form field a rule's path (<c>$.SocialLinks[1].Url</c>) belongs to, with the row it came from.</summary>
    private static string FormKey(string path, List<(int Row, SettingsLinkInput Link)> social, List<(int Row, SettingsLinkInput Link)> notice)
    {
        if (TryRow(path, "$.SocialLinks[", social, out var row, out var rest))
        {
            return $"Input.SocialLinks[{row}]{(rest == ".Name" ? ".Text" : rest)}";
        }

        if (TryRow(path, "$.CookieNotice.Links[", notice, out row, out rest))
        {
            return $"Input.CookieNoticeLinks[{row}]{rest}";
        }

        return path switch
        {
            "$.CookieNotice.Text" => "Input.CookieNoticeText",
            "$.SocialLinks" => "Input.SocialLinks",
            "$.CookieNotice.Links" => "Input.CookieNoticeLinks",
            _ when path.StartsWith("$.", StringComparison.Ordinal) => "Input." + path[2..],
            _ => string.Empty,
        };
    }

    private static string Label(string path, List<(int Row, SettingsLinkInput Link)> social, List<(int Row, SettingsLinkInput Link)> notice)
    {
        if (TryRow(path, "$.SocialLinks[", social, out var row, out var rest))
        {
            return $"Social link {row + 1}, {(rest == ".Url" ? "address" : "name")}";
        }

        if (TryRow(path, "$.CookieNotice.Links[", notice, out row, out rest))
        {
            return $"Cookie notice link {row + 1}, {(rest == ".Url" ? "address" : "text")}";
        }

        return path switch
        {
            "$.SiteName" => "Site name",
            "$.TimeZone" => "Time zone",
            "$.Tagline" => "Tagline",
            "$.Logo" => "Logo",
            "$.FooterText" => "Footer text",
            "$.SocialLinks" => "Social links",
            "$.CookieNotice.Text" => "Cookie notice text",
            "$.CookieNotice.Links" => "Cookie notice links",
            _ => "Settings",
        };
    }

    private static bool TryRow(string path, string prefix, List<(int Row, SettingsLinkInput Link)> rows, out int row, out string rest)
    {
        row = -1;
        rest = "";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var end = path.IndexOf(']', prefix.Length);
        if (end < 0 || !int.TryParse(path.AsSpan(prefix.Length, end - prefix.Length), out var index) || index >= rows.Count)
        {
            return false;
        }

        row = rows[index].Row;
        rest = path[(end + 1)..];
        return true;
    }
}
