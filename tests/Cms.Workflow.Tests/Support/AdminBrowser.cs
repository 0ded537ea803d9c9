using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cms.Workflow.Tests.Support;

/// <summary>
/// A browser on the admin: keeps cookies, signs in through the login form, reads pages and posts their forms back with
/// the page's antiforgery token, as a person's browser does (repeated fields such as several checked boxes included).
/// </summary>
public sealed partial class AdminBrowser(WorkflowHost host) : IDisposable
{
    private readonly HttpClient _http = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<AdminBrowser> SignInAsync(WorkflowHost host, string userName, string password = DeskUsers.Password)
    {
        var browser = new AdminBrowser(host);
        var response = await browser.PostFormAsync("/admin/login", "/admin/login", [new("Input.UserName", userName), new("Input.Password", password)]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in as {userName} answered {(int)response.StatusCode}.");
        return browser;
    }

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        using var response = await _http.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens <paramref name="pageUrl"/>, then posts <paramref name="fields"/> and its antiforgery token to <paramref name="postUrl"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, string postUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var (_, html) = await GetAsync(pageUrl);
        var token = Token().Match(html);
        Assert.True(token.Success, $"{pageUrl} has no antiforgery token.");
        var form = fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))).ToList();
        return await _http.PostAsync(postUrl, new FormUrlEncodedContent(form));
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
