using System.Text.RegularExpressions;
using Cms.Core.Settings;
using Cms.Data.Entities;
using Cms.Security.Setup;
using Cms.Testing;
using Cms.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests;

[Collection(nameof(SerialCollection))]
public sealed partial class SetupTests
{
    [GeneratedRegex(@"generated password:\s+(?<password>\S+)")]
    private static partial Regex GeneratedPasswordLine();

    [Fact]
    public async Task First_start_runs_the_setup_recipe_and_creates_the_administrator()
    {
        using var factory = new CmsWebApplicationFactory();
        using var client = factory.CreateClient();

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        var admin = await users.FindByNameAsync(CmsWebApplicationFactory.AdminUserName);
        Assert.NotNull(admin);
        Assert.Equal("admin@example.com", admin.Email);
        Assert.True(await users.IsInRoleAsync(admin, AdministratorSetup.AdministratorRole));
        Assert.True(await users.CheckPasswordAsync(admin, CmsWebApplicationFactory.AdminPassword));
        var settings = await scope.ServiceProvider.GetRequiredService<ISiteSettingsService>().GetAsync();
        Assert.True(settings.SetupCompleted);
        Assert.Equal("Newsroom Daily", settings.SiteName);
        Assert.Equal(15, await Newsroom.CountAsync(factory.Services, "Section"));
        Assert.Equal(0, await Newsroom.CountAsync(factory.Services, "Article"));
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "cms.db")));

        var log = LogFiles.ReadAll(factory.DataDirectory);
        Assert.Contains("Setup complete", log, StringComparison.Ordinal);
        Assert.DoesNotContain(CmsWebApplicationFactory.AdminPassword, log, StringComparison.Ordinal);
        Assert.DoesNotContain(admin.PasswordHash!, log, StringComparison.Ordinal);
        Assert.DoesNotContain(admin.SecurityStamp!, log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_configured_password_a_strong_one_is_generated_shown_once_and_kept_out_of_the_log_file()
    {
        using var console = new ConsoleCapture();
        using var factory = new CmsWebApplicationFactory().WithSetting("Cms:Setup:AdminPassword", "");
        using var client = factory.CreateClient();

        var shown = GeneratedPasswordLine().Matches(console.Text);
        var password = Assert.Single(shown).Groups["password"].Value;
        Assert.True(password.Length >= 20, $"the generated password has {password.Length} characters");
        Assert.Contains(password, char.IsLower);
        Assert.Contains(password, char.IsUpper);
        Assert.Contains(password, char.IsDigit);
        Assert.Contains(password, c => !char.IsLetterOrDigit(c));
        Assert.NotEqual(CmsWebApplicationFactory.AdminPassword, password);

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        var admin = await users.FindByNameAsync(CmsWebApplicationFactory.AdminUserName);
        Assert.True(await users.CheckPasswordAsync(admin!, password));

        await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var log = LogFiles.ReadAll(factory.DataDirectory);
        Assert.Contains("Setup complete", log, StringComparison.Ordinal);
        Assert.DoesNotContain(password, log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_start_on_the_same_data_does_not_run_setup_again_or_duplicate_anything()
    {
        using var second = new CmsWebApplicationFactory();
        DataSnapshot afterFirstStart;
        using (var first = new CmsWebApplicationFactory().WithSetting("Cms:DataDirectory", second.DataDirectory))
        {
            using var client = first.CreateClient();
            afterFirstStart = await DataSnapshot.TakeAsync(first.Services);
        }

        using var secondClient = second.CreateClient();

        Assert.Equal(afterFirstStart, await DataSnapshot.TakeAsync(second.Services));
        Assert.Equal(1, afterFirstStart.Users);
        Assert.Equal(15, await Newsroom.CountAsync(second.Services, "Section"));
        var ready = await secondClient.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        var log = LogFiles.ReadAll(second.DataDirectory);
        Assert.Single(Regex.Matches(log, "First start: setting up"));
    }

    [Fact]
    public async Task Sample_content_loads_on_first_start_when_enabled()
    {
        using var factory = new CmsWebApplicationFactory().WithSampleContent();
        using var client = factory.CreateClient();

        Assert.Equal(15, await Newsroom.CountAsync(factory.Services, "Section"));
        Assert.Equal(13, await Newsroom.CountAsync(factory.Services, "Author"));
        var articles = await Newsroom.CountAsync(factory.Services, "Article");
        var published = await Newsroom.CountAsync(factory.Services, "Article", Core.Queries.ContentStatus.Published);
        var drafts = await Newsroom.CountAsync(factory.Services, "Article", Core.Queries.ContentStatus.Draft);
        Assert.True(articles >= 60, $"{articles} articles");
        Assert.True(published > 0 && drafts > 0, $"{published} published, {drafts} drafts");
        Assert.Equal(articles, published + drafts);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "Media"), "*.jpg", SearchOption.AllDirectories));
    }

    [SkippableFact]
    public async Task First_start_on_PostgreSQL_runs_setup_the_same_way()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        using var factory = new CmsWebApplicationFactory().WithPostgres(database.ConnectionString);
        using var client = factory.CreateClient();

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        var admin = await users.FindByNameAsync(CmsWebApplicationFactory.AdminUserName);
        Assert.True(await users.IsInRoleAsync(admin!, AdministratorSetup.AdministratorRole));
        Assert.Equal(15, await Newsroom.CountAsync(factory.Services, "Section"));
        Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "cms.db")));
        var log = LogFiles.ReadAll(factory.DataDirectory);
        Assert.DoesNotContain(CmsWebApplicationFactory.AdminPassword, log, StringComparison.Ordinal);
        Assert.DoesNotContain("Password=", log, StringComparison.OrdinalIgnoreCase);
    }
}
