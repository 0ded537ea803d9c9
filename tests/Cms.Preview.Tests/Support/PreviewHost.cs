using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cms.Data.Entities;
using Cms.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cms.Preview.Tests.Support;

/// <summary>
/// The real host with the sample newsroom (sections, authors with photos, 64 articles with covers) and a clock the
/// tests move. People sign in through the admin's form, as editors do; <see cref="Anonymous"/> is a browser without
/// an account.
/// </summary>
public sealed partial class PreviewHost : IAsyncLifetime
{
    public const string Password = "Preview-Test-Password-1";

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public CmsWebApplicationFactory Factory { get; private set; } = null!;

    /// <summary>A PostgreSQL database to run on instead of SQLite (set before <see cref="InitializeAsync"/>).</summary>
    public string? Postgres { get; init; }

    public bool SampleContent { get; init; } = true;

    /// <summary>Extra configuration, e.g. a small share-page rate limit.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    public async Task InitializeAsync()
    {
        Factory = new CmsWebApplicationFactory()
            .WithSetting("Cms:Workflow:Enabled", "false")
            .WithServices(s => s.AddSingleton<TimeProvider>(Clock));
        if (SampleContent)
        {
            Factory.WithSampleContent();
        }

        if (Postgres is not null)
        {
            Factory.WithPostgres(Postgres);
        }

        foreach (var (key, value) in Settings)
        {
            Factory.WithSetting(key, value);
        }

        Factory.CreateClient().Dispose();
        foreach (var (name, role) in new[] { ("writer-one", "Contributor"), ("writer-two", "Contributor"), ("desk-editor", "Editor") })
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
            var user = new CmsUser { UserName = name, Email = name + "@example.com", EmailConfirmed = true, DisplayName = name, CreatedUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A signed-in admin session with the antiforgery token the admin layout hands its scripts.</summary>
    public async Task<Session> SignInAsync(string userName)
    {
        var cookies = new CookieSession(Factory);
        var login = await cookies.SubmitFormAsync("/admin/login", "/admin/login", new() { ["Input.UserName"] = userName, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var dashboard = await (await cookies.SendAsync(HttpMethod.Get, "/admin")).Content.ReadAsStringAsync();
        var token = TokenMeta().Match(dashboard);
        Assert.True(token.Success, "The admin layout has no antiforgery token.");
        return new Session(cookies, WebUtility.HtmlDecode(token.Groups[1].Value));
    }

    [GeneratedRegex("name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex TokenMeta();

    /// <summary>An admin session: form posts and API calls with the cookie and the antiforgery token.</summary>
    public sealed class Session(CookieSession cookies, string token)
    {
        public string Token => token;

        public Task<HttpResponseMessage> PreviewAsync(string itemJson, bool withToken = true)
        {
            var form = new Dictionary<string, string> { ["item"] = itemJson };
            if (withToken)
            {
                form["__RequestVerificationToken"] = token;
            }

            return cookies.SendAsync(HttpMethod.Post, "/admin/preview", form);
        }

        public Task<HttpResponseMessage> GetAsync(string url) => cookies.SendAsync(HttpMethod.Get, url);

        public async Task<(HttpStatusCode Status, JsonNode? Json)> ApiAsync(HttpMethod method, string url, JsonNode? body = null)
        {
            cookies.Headers["RequestVerificationToken"] = token;
            var response = await cookies.SendJsonAsync(method, url, body);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, text.Length > 0 && (text[0] is '{' or '[') ? JsonNode.Parse(text) : null);
        }

        public async Task<HttpResponseMessage> SendWithIfMatchAsync(HttpMethod method, string url, JsonNode? body, string version)
        {
            cookies.Headers["RequestVerificationToken"] = token;
            cookies.Headers["If-Match"] = $"\"{version}\"";
            try
            {
                return await cookies.SendJsonAsync(method, url, body);
            }
            finally
            {
                cookies.Headers.Remove("If-Match");
            }
        }
    }
}
