using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cms.Testing;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests;

/// <summary>
/// What an anonymous caller can make the log say: client errors are Warnings at most, without stack traces, with
/// the status that was sent, and what someone typed as a user name never appears verbatim. Reads the request log,
/// which the most recently started host owns: runs alone.
/// </summary>
[Collection(nameof(SerialCollection))]
public sealed class ClientErrorLoggingTests : IDisposable
{
    private readonly CmsWebApplicationFactory _site = new() { Environment = "Production" };

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Bad_GraphQL_documents_and_oversized_token_requests_log_no_errors_and_no_stack_traces()
    {
        var http = _site.CreateClient();

        var mutation = await http.PostAsJsonAsync("/api/graphql", new { query = "mutation { x }" });
        var garbage = await http.PostAsJsonAsync("/api/graphql", new { query = "{ article(first: \"many\") { nope } }" });
        var oversized = await http.PostAsync("/connect/token", new StringContent("grant_type=client_credentials&client_id=" + new string('a', 200_000), Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.Contains("\"errors\"", await mutation.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"errors\"", await garbage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var events = await EventsAsync(e => e.Message.Contains("/connect/token", StringComparison.Ordinal) && e.Message.Contains("responded", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.DoesNotContain(events, e => e.Level is "Error" or "Fatal");
        Assert.DoesNotContain(events, e => e.Exception is not null);
        var tokenLine = Assert.Single(events, e => e.Message.Contains("/connect/token", StringComparison.Ordinal) && e.Message.Contains("responded", StringComparison.Ordinal));
        Assert.Contains("responded 413", tokenLine.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_sign_in_does_not_log_what_was_typed_as_the_user_name()
    {
        var session = new CookieSession(_site);
        const string Typed = "Correct-Horse-Typed-Into-The-Wrong-Box-42";

        var unknown = await session.SubmitFormAsync("/admin/login", "/admin/login", new() { ["Input.UserName"] = Typed, ["Input.Password"] = "whatever-it-was" });
        var wrongPassword = await session.SubmitFormAsync("/admin/login", "/admin/login", new() { ["Input.UserName"] = CmsWebApplicationFactory.AdminUserName, ["Input.Password"] = Typed });
        var events = await EventsAsync(e => e.Message.Contains("Sign-in failed for user", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        var log = LogFiles.ReadAll(_site.DataDirectory);
        Assert.DoesNotContain(Typed, log, StringComparison.Ordinal);
        Assert.Contains(events, e => e.Message.Contains("Sign-in failed: no account matches the typed name", StringComparison.Ordinal));
    }

    /// <summary>The log events, once one matching <paramref name="until"/> was written (the file sink writes a little later).</summary>
    private async Task<List<(string Level, string Message, string? Exception)>> EventsAsync(Func<(string Level, string Message, string? Exception), bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var events = Events();
        while (!events.Any(until) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            events = Events();
        }

        return events;
    }

    private List<(string Level, string Message, string? Exception)> Events() =>
        [.. LogFiles.ReadAll(_site.DataDirectory)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(Parse)
            .OfType<JsonElement>()
            .Select(e => (
                e.TryGetProperty("@l", out var level) ? level.GetString()! : "Information",
                Render(e),
                e.TryGetProperty("@x", out var exception) ? exception.GetString() : null))];

    /// <summary>One event; null for the last line while the sink is still writing it.</summary>
    private static JsonElement? Parse(string line)
    {
        try
        {
            return JsonDocument.Parse(line).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Render(JsonElement e)
    {
        var template = e.GetProperty("@mt").GetString()!;
        foreach (var property in e.EnumerateObject().Where(p => !p.Name.StartsWith('@')))
        {
            template = template.Replace("{" + property.Name + "}", property.Value.ToString(), StringComparison.Ordinal)
                .Replace("{" + property.Name + ":0.0}", property.Value.ToString(), StringComparison.Ordinal);
        }

        return template;
    }
}
