using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Cms.Data;
using Cms.Testing;
using Cms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests;

/// <summary>
/// A start that cannot succeed ends with exit code 1 and one line per problem on standard error (the setting and
/// the fix), never an unhandled exception or a stack trace.
/// </summary>
public sealed class StartupFailureTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly ScratchFolder _scratch = new("cms-startup-failure");

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task An_unknown_database_provider_is_one_line_naming_the_setting_and_the_choices()
    {
        var line = await FailingStartAsync("--Cms:Database:Provider=MySql");

        Assert.Contains("Cms:Database:Provider is 'MySql'", line, StringComparison.Ordinal);
        Assert.Contains("Sqlite", line, StringComparison.Ordinal);
        Assert.Contains("Postgres", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_is_one_line_naming_ConnectionStrings_Cms()
    {
        var line = await FailingStartAsync("--Cms:Database:Provider=Postgres", "--ConnectionStrings:Cms=");

        Assert.Contains("ConnectionStrings:Cms is empty", line, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Cms", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_connection_string_is_one_line_without_the_password()
    {
        var line = await FailingStartAsync("--Cms:Database:Provider=Postgres", "--ConnectionStrings:Cms=Hots=db.example;Password=hunter2-secret");

        Assert.Contains("ConnectionStrings:Cms is not a valid Postgres connection string", line, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_is_one_line_saying_so()
    {
        var port = HostProcess.FreePort();
        var line = await FailingStartAsync("--Cms:Database:Provider=Postgres", $"--ConnectionStrings:Cms=Host=127.0.0.1;Port={port};Username=cms;Password=not-shown-7;Timeout=3");

        Assert.Contains("The PostgreSQL database could not be used", line, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:Cms", line, StringComparison.Ordinal);
        Assert.DoesNotContain("not-shown-7", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelled_setup_recipe_is_one_line_listing_the_recipes_that_exist()
    {
        var line = await FailingStartAsync("--Cms:Setup:Recipe=newsrom");

        Assert.Contains("Cms:Setup:Recipe is 'newsrom'", line, StringComparison.Ordinal);
        Assert.Contains("newsroom, sample-content", line, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_scratch.Path, "cms.db")), "the database was created although the settings were refused");
    }

    [Fact]
    public async Task The_S3_media_store_without_a_bucket_is_one_line_naming_the_setting_and_no_secret()
    {
        var line = await FailingStartAsync("--Cms:Media:Store=S3", "--Cms:Media:S3:ServiceUrl=http://127.0.0.1:9", "--Cms:Media:S3:AccessKey=key-id", "--Cms:Media:S3:SecretKey=not-shown-s3");

        Assert.Contains("Cms:Media:S3:Bucket is empty", line, StringComparison.Ordinal);
        Assert.DoesNotContain("not-shown-s3", line, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_scratch.Path, "cms.db")), "the database was created although the settings were refused");
    }

    [Fact]
    public async Task The_S3_media_store_without_an_endpoint_is_one_line_naming_both_settings()
    {
        var line = await FailingStartAsync("--Cms:Media:Store=S3", "--Cms:Media:S3:Bucket=media");

        Assert.Contains("neither Cms:Media:S3:ServiceUrl nor Cms:Media:S3:Region is set", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_media_store_is_one_line_listing_the_stores()
    {
        var line = await FailingStartAsync("--Cms:Media:Store=Azure");

        Assert.Contains("Cms:Media:Store is 'Azure'", line, StringComparison.Ordinal);
        Assert.Contains("FileSystem", line, StringComparison.Ordinal);
        Assert.Contains("S3", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_issuer_that_is_not_a_URL_is_one_line_naming_the_setting()
    {
        var line = await FailingStartAsync("--Cms:OpenId:Issuer=cms.example.com");

        Assert.Contains("Cms:OpenId:Issuer is 'cms.example.com', which is not an absolute URL", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_in_use_is_one_line_naming_the_address_and_how_to_pick_another()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;

        var line = await FailingStartAsync("--urls", $"http://127.0.0.1:{port}");

        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("address already in use", line, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("--urls", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_setup_keeps_nothing_and_the_next_start_sets_up_normally()
    {
        var broken = Path.Combine(_scratch.Path, "broken.recipe.json");
        Directory.CreateDirectory(_scratch.Path);
        var recipe = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "recipes", "newsroom.recipe.json"));
        // The files the recipe's Media step reads lie beside it (the site's logo).
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "recipes", "media"), "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(_scratch.Path, Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "recipes"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        // The settings, definitions and roles steps run; the content step then fails on the first section.
        await File.WriteAllTextAsync(broken, new Regex(@"""MenuOrder"":\s*\{\s*""Value"":\s*\d+").Replace(recipe, @"""MenuOrder"": { ""Value"": ""first""", 1));

        var line = await FailingStartAsync($"--Cms:Setup:Recipe={broken}");

        Assert.Contains("Setup stopped and nothing was saved", line, StringComparison.Ordinal);
        Assert.Contains("MenuOrder", line, StringComparison.Ordinal);
        using var next = new CmsWebApplicationFactory().WithSetting("Cms:DataDirectory", _scratch.Path);
        using var client = next.CreateClient();
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var snapshot = await DataSnapshot.TakeAsync(next.Services);
        Assert.Equal(1, snapshot.Users);
        Assert.Equal(15, await Newsroom.CountAsync(next.Services, "Section"));
    }

    [Fact]
    public async Task A_node_without_the_key_certificate_or_with_another_one_is_one_line_naming_the_setting_and_makes_no_key()
    {
        var pfx = KeyCertificate.Create(_scratch.Path, "cms-keys", password: null);
        var other = KeyCertificate.Create(_scratch.Path, "other-keys", password: null);
        using var first = new CmsWebApplicationFactory().WithSetting("Cms:DataDirectory", _scratch.Path).WithSetting("Cms:Keys:CertificatePath", pfx);
        var keys = await StoredKeysAsync(first.Services);
        Assert.StartsWith("1 data-protection", keys, StringComparison.Ordinal);

        var without = await FailingStartAsync();
        Assert.Contains("The data-protection keys in the database are encrypted with the certificate CN=cms-keys", without, StringComparison.Ordinal);
        Assert.Contains("Cms:Keys:CertificatePath is not set on this node", without, StringComparison.Ordinal);

        var another = await FailingStartAsync($"--Cms:Keys:CertificatePath={other}");
        Assert.Contains("encrypted with the certificate CN=cms-keys", another, StringComparison.Ordinal);
        Assert.Contains($"Cms:Keys:CertificatePath '{other}' is another certificate (CN=other-keys", another, StringComparison.Ordinal);

        // Neither made a key ring of its own that would split the nodes.
        Assert.Equal(keys, await StoredKeysAsync(first.Services));
    }

    [Fact]
    public async Task A_key_certificate_with_a_password_needs_Cms_Keys_CertificatePassword_and_the_password_is_never_printed()
    {
        var pfx = KeyCertificate.Create(_scratch.Path, "cms-keys", "right-password-5");

        var missing = await FailingStartAsync($"--Cms:Keys:CertificatePath={pfx}");
        Assert.Contains($"Cms:Keys:CertificatePath '{pfx}' cannot be opened", missing, StringComparison.Ordinal);
        Assert.Contains("set Cms:Keys:CertificatePassword", missing, StringComparison.Ordinal);

        var wrong = await FailingStartAsync($"--Cms:Keys:CertificatePath={pfx}", "--Cms:Keys:CertificatePassword=wrong-password-9");
        Assert.Contains($"Cms:Keys:CertificatePath '{pfx}' cannot be opened with Cms:Keys:CertificatePassword", wrong, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-9", wrong, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_scratch.Path, "cms.db")), "the database was created although the certificate was refused");
    }

    /// <summary>The keys in the database: how many data-protection keys, and the id and generation of every OpenID key.</summary>
    private static async Task<string> StoredKeysAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var ring = await db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.FriendlyName).ToListAsync();
        var openId = await db.OpenIdKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Purpose + ":" + k.Generation + ":" + k.Data).ToListAsync();
        return $"{ring.Count} data-protection keys ({string.Join(", ", ring)}); OpenID keys: {string.Join(", ", openId)}";
    }

    /// <summary>Starts the host with <paramref name="settings"/>; asserts exit code 1, one line on standard error and no stack trace anywhere; returns the line.</summary>
    private async Task<string> FailingStartAsync(params string[] settings)
    {
        var outcome = await HostProcess.RunAsync(
            [$"--Cms:DataDirectory={_scratch.Path}", "--Cms:Setup:SampleContent=false", "--urls", $"http://127.0.0.1:{HostProcess.FreePort()}", .. settings],
            Timeout);

        Assert.Equal(1, outcome.ExitCode);
        var line = Assert.Single(outcome.ErrorLines);
        Assert.DoesNotContain("   at ", outcome.Output + outcome.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", outcome.Output + outcome.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", outcome.Output + outcome.Errors, StringComparison.Ordinal);
        return line;
    }
}
