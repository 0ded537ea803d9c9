using System.Text.RegularExpressions;
using Cms.Data.Entities;
using Cms.Security.Setup;
using Cms.Testing;
using Cms.Web.Setup;
using Cms.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests;

/// <summary><c>user reset-password</c> and <c>user create-admin</c> against a data directory set up by a first start.</summary>
[Collection(nameof(SerialCollection))]
public sealed partial class UserCommandTests : IDisposable
{
    private readonly CmsWebApplicationFactory _site = new();

    [GeneratedRegex(@"New password:\s+(?<password>\S+)")]
    private static partial Regex NewPasswordLine();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Reset_password_prints_a_new_password_once_that_signs_in_and_the_old_one_stops_working()
    {
        await SetUpSiteAsync();
        using var console = new ConsoleCapture();

        var exitCode = await UserCommand.RunAsync(Parse("user", "reset-password", CmsWebApplicationFactory.AdminUserName));

        Assert.Equal(0, exitCode);
        var password = Assert.Single(NewPasswordLine().Matches(console.Text)).Groups["password"].Value;
        Assert.Single(Regex.Matches(console.Text, Regex.Escape(password)));
        using var client = _site.CreateClient();
        await using var scope = _site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        var admin = await users.FindByNameAsync(CmsWebApplicationFactory.AdminUserName);
        Assert.True(await users.CheckPasswordAsync(admin!, password));
        Assert.False(await users.CheckPasswordAsync(admin!, CmsWebApplicationFactory.AdminPassword));
        Assert.DoesNotContain(password, LogFiles.ReadAll(_site.DataDirectory), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_admin_makes_a_new_administrator_with_a_password_shown_once()
    {
        await SetUpSiteAsync();
        using var console = new ConsoleCapture();

        var exitCode = await UserCommand.RunAsync(Parse("user", "create-admin", "night-editor", "--email", "night@example.com"));

        Assert.Equal(0, exitCode);
        var password = Assert.Single(NewPasswordLine().Matches(console.Text)).Groups["password"].Value;
        using var client = _site.CreateClient();
        await using var scope = _site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        var created = await users.FindByNameAsync("night-editor");
        Assert.NotNull(created);
        Assert.Equal("night@example.com", created.Email);
        Assert.True(await users.IsInRoleAsync(created, AdministratorSetup.AdministratorRole));
        Assert.True(await users.CheckPasswordAsync(created, password));
    }

    [Fact]
    public async Task An_unknown_user_is_refused_with_exit_code_1_and_nothing_changes()
    {
        var before = await SetUpSiteAsync();
        using var console = new ConsoleCapture();
        var errors = new StringWriter();
        var original = Console.Error;
        Console.SetError(errors);
        int exitCode;
        try
        {
            exitCode = await UserCommand.RunAsync(Parse("user", "reset-password", "nobody"));
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Equal(1, exitCode);
        Assert.Contains("There is no user 'nobody'", errors.ToString(), StringComparison.Ordinal);
        Assert.DoesNotMatch(NewPasswordLine(), console.Text);
        Assert.Equal(before, await DataSnapshot.TakeAsync(_site.Services));
    }

    [Fact]
    public async Task Create_admin_without_an_email_is_refused_before_anything_is_opened()
    {
        var exitCode = await UserCommand.RunAsync(Parse("user", "create-admin", "night-editor"));

        Assert.Equal(1, exitCode);
    }

    [Fact]
    public void The_command_line_is_recognised()
    {
        Assert.True(UserCommand.TryParse(["user", "create-admin", "ed", "--email", "ed@example.com", "--Cms:DataDirectory=data"], out var invocation));
        Assert.Equal(UserCommandAction.CreateAdministrator, invocation.Action);
        Assert.Equal("ed", invocation.UserName);
        Assert.Equal("ed@example.com", invocation.Email);
        Assert.Equal(["--Cms:DataDirectory=data"], invocation.HostArgs);
        Assert.False(UserCommand.TryParse(["user", "delete", "ed"], out _));
        Assert.False(UserCommand.TryParse(["--urls", "http://localhost:5080"], out _));
    }

    private UserInvocation Parse(params string[] args)
    {
        Assert.True(UserCommand.TryParse([.. args, $"--Cms:DataDirectory={_site.DataDirectory}"], out var invocation));
        return invocation;
    }

    private async Task<DataSnapshot> SetUpSiteAsync()
    {
        using var first = new CmsWebApplicationFactory().WithSetting("Cms:DataDirectory", _site.DataDirectory);
        using var client = first.CreateClient();
        return await DataSnapshot.TakeAsync(first.Services);
    }
}
