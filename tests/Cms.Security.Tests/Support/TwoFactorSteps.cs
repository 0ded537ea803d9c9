using System.Net;
using System.Text.RegularExpressions;
using Cms.Data.Entities;
using Cms.Security.TwoFactor;
using Cms.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Cms.Security.Tests.Support;

/// <summary>Two-factor sign-in as a person does it: through the sign-in form, the profile page and an authenticator app (Otp.NET).</summary>
public static partial class TwoFactorSteps
{
    /// <summary>The code an authenticator app shows now for <paramref name="key"/> (as the page shows it: groups of four, lower case).</summary>
    public static string CodeFor(string key) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp(DateTime.UtcNow);

    /// <summary>A six-digit code that is not valid now (the right one shifted by half the range).</summary>
    public static string WrongCodeFor(string key) =>
        ((int.Parse(CodeFor(key), System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static Task<HttpResponseMessage> SubmitLoginAsync(this CookieSession session, string userName, string password, string? returnUrl = null)
    {
        var page = returnUrl is null ? "/admin/login" : "/admin/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        return session.SubmitFormAsync(page, page, new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
    }

    public static Task<HttpResponseMessage> SubmitSecondStepAsync(this CookieSession session, string location, string code, bool rememberDevice = false) =>
        session.SubmitFormAsync(location, location, new() { ["Input.Code"] = code, ["Input.RememberDevice"] = rememberDevice ? "true" : "false" });

    /// <summary>Turns two-factor sign-in on from the profile page, reading the key from the page; returns the key and the recovery codes shown.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolOnProfileAsync(this CookieSession session)
    {
        var profile = await (await session.SendAsync(HttpMethod.Get, "/admin/profile")).Content.ReadAsStringAsync();
        var key = KeyOf(profile);
        var enabled = await session.SubmitFormAsync("/admin/profile", "/admin/profile?handler=EnableTwoFactor", new() { ["TwoFactorInput.Code"] = CodeFor(key) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        return (key, RecoveryCodesOf(await enabled.Content.ReadAsStringAsync()));
    }

    /// <summary>Turns two-factor sign-in on through the service (as the profile page would), for tests about what comes after.</summary>
    public static Task<string> EnableTwoFactorAsync(this CmsWebApplicationFactory host, string userId) =>
        host.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<CmsUser>>();
            var twoFactor = services.GetRequiredService<TwoFactorService>();
            var user = (await users.FindByIdAsync(userId))!;
            var setup = (await twoFactor.GetSetupAsync(user))!;
            var enabled = await twoFactor.EnableAsync(user, CodeFor(setup.SharedKey));
            Assert.True(enabled.Succeeded, enabled.ToString());
            return setup.SharedKey;
        });

    public static string KeyOf(string html)
    {
        var match = KeyPattern().Match(html);
        Assert.True(match.Success, "No authenticator key on the page.");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    public static IReadOnlyList<string> RecoveryCodesOf(string html)
    {
        var start = html.IndexOf("data-testid=\"recovery-codes\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "No recovery codes on the page.");
        return [.. CodePattern().Matches(html[start..]).Select(m => m.Groups[1].Value)];
    }

    public static string ErrorOf(string html)
    {
        var match = AlertPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(Regex.Replace(match.Groups[1].Value, "<[^>]+>", "")).Trim() : "";
    }

    public static string PathOf(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString) : "";

    [GeneratedRegex("data-testid=\"authenticator-key\">([^<]+)</code>")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>([A-Za-z0-9-]+)</code></li>")]
    private static partial Regex CodePattern();

    [GeneratedRegex("role=\"alert\">(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex AlertPattern();
}
