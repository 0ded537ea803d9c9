using System.Net;
using System.Text.RegularExpressions;

namespace Cms.Testing;

/// <summary>
/// A browser whose cookies are kept by hand, so a test can keep a copy of an old auth cookie and replay it later,
/// as someone who stole or kept it would.
/// </summary>
public sealed partial class CookieSession(CmsWebApplicationFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public string AuthCookie => _cookies.TryGetValue(".Cms.Auth", out var value) ? value : "";

    /// <summary>A new session that holds only a copy of this one's auth cookie (on another host of the same data, if given).</summary>
    public CookieSession CopyAuthCookie(CmsWebApplicationFactory? to = null)
    {
        var copy = new CookieSession(to ?? factory);
        copy._cookies[".Cms.Auth"] = AuthCookie;
        return copy;
    }

    /// <summary>Headers sent with every request, e.g. <c>X-Forwarded-Proto</c> as a reverse proxy adds it.</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The <c>Set-Cookie</c> headers of the last response.</summary>
    public IReadOnlyList<string> LastSetCookies { get; private set; } = [];

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, Dictionary<string, string>? form = null) =>
        SendAsync(method, url, form is null ? null : new FormUrlEncodedContent(form));

    /// <summary>Sends JSON (or nothing), as the admin's scripts call <c>/api/*</c>.</summary>
    public Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string url, System.Text.Json.Nodes.JsonNode? body = null) =>
        SendAsync(method, url, body is null ? null : new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

    /// <summary>Sends any body (JSON, multipart) with this session's cookies and <see cref="Headers"/> plus <paramref name="headers"/>.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, url);
        foreach (var (name, value) in headers is null ? Headers : Headers.Concat(headers))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Content = content;

        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await _http.SendAsync(request);
        LastSetCookies = response.Headers.TryGetValues("Set-Cookie", out var setCookies) ? [.. setCookies] : [];
        if (setCookies is not null)
        {
            foreach (var setCookie in setCookies)
            {
                var pair = setCookie.Split(';')[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = pair[..equals];
                var value = pair[(equals + 1)..];
                if (value.Length == 0 || setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.Remove(name);
                }
                else
                {
                    _cookies[name] = value;
                }
            }
        }

        return response;
    }

    /// <summary>GETs a page with a form and POSTs the form back with its antiforgery token (and extra fields).</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string pageUrl, string postUrl, Dictionary<string, string>? fields = null)
    {
        var page = await SendAsync(HttpMethod.Get, pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        var form = new Dictionary<string, string>(fields ?? [], StringComparer.Ordinal);
        foreach (Match hidden in HiddenInput().Matches(html))
        {
            var name = Attribute("name").Match(hidden.Value);
            var value = Attribute("value").Match(hidden.Value);
            if (name.Success)
            {
                form.TryAdd(WebUtility.HtmlDecode(name.Groups[1].Value), value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : "");
            }
        }

        return await SendAsync(HttpMethod.Post, postUrl, form);
    }

    /// <summary>
    /// The antiforgery token an admin page gives its scripts (the layout's <c>request-verification-token</c> meta tag),
    /// which <c>cmsApi.fetch</c> sends in the <c>RequestVerificationToken</c> header; loading the page also sets the
    /// antiforgery cookie it pairs with.
    /// </summary>
    public async Task<string> ApiTokenAsync(string pageUrl = "/admin")
    {
        var page = await SendAsync(HttpMethod.Get, pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        var meta = MetaToken().Match(html);
        if (!meta.Success)
        {
            throw new InvalidOperationException($"{pageUrl} ({(int)page.StatusCode}) has no request-verification-token meta tag.");
        }

        return WebUtility.HtmlDecode(meta.Groups[1].Value);
    }

    [GeneratedRegex("<meta name=\"request-verification-token\" content=\"([^\"]*)\"")]
    private static partial Regex MetaToken();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    private static Regex Attribute(string name) => new($"\\s{name}=\"([^\"]*)\"", RegexOptions.CultureInvariant);
}
