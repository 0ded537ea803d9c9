using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Cms.Data.Entities;
using Cms.Security.Setup;
using Cms.Security.Users;
using Microsoft.AspNetCore.Identity;

namespace Cms.Web.Setup;

/// <summary>
/// <c>dotnet run --project src/Cms.Web -- user reset-password &lt;name&gt;</c> and
/// <c>user create-admin &lt;name&gt; --email &lt;address&gt;</c>: for an operator who has lost the administrator's
/// password. Both go through <see cref="UserAdministration"/> (the password policy, lockout reset and token
/// revocation the admin screens use) acting as an Administrator, and print the generated password once on the
/// console; it is never logged.
/// </summary>
public static class UserCommand
{
    private const string Usage = "Usage: user reset-password <user name> | user create-admin <user name> --email <address>";

    public static bool TryParse(string[] args, [NotNullWhen(true)] out UserInvocation? invocation)
    {
        invocation = null;
        if (args.Length < 2 || args[0] != "user")
        {
            return false;
        }

        UserCommandAction? action = args[1] switch
        {
            "reset-password" => UserCommandAction.ResetPassword,
            "create-admin" => UserCommandAction.CreateAdministrator,
            _ => null,
        };
        if (action is null)
        {
            return false;
        }

        string? email = null;
        var hostArgs = new List<string>();
        for (var i = 3; i < args.Length; i++)
        {
            if (args[i] == "--email" && i + 1 < args.Length)
            {
                email = args[++i];
            }
            else
            {
                hostArgs.Add(args[i]);
            }
        }

        invocation = new UserInvocation(action.Value, args.Length > 2 ? args[2] : "", email, [.. hostArgs]);
        return true;
    }

    public static async Task<int> RunAsync(UserInvocation invocation, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(invocation.UserName) || invocation.UserName.StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"Give the user name. {Usage}");
            return 1;
        }

        if (invocation.Action == UserCommandAction.CreateAdministrator && string.IsNullOrWhiteSpace(invocation.Email))
        {
            await Console.Error.WriteLineAsync($"A new administrator needs an email address: add --email <address>. {Usage}");
            return 1;
        }

        return await CommandHost.RunAsync(invocation.HostArgs, (services, ct) => ActAsync(services, invocation, ct), cancellationToken);
    }

    private static async Task<int> ActAsync(IServiceProvider services, UserInvocation invocation, CancellationToken cancellationToken)
    {
        var administration = services.GetRequiredService<UserAdministration>();
        var password = AdministratorSetup.GeneratePassword();
        if (invocation.Action == UserCommandAction.ResetPassword)
        {
            if (await services.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(invocation.UserName) is not { } user)
            {
                await Console.Error.WriteLineAsync($"There is no user '{invocation.UserName}': check the name (the admin's Users page lists them), or create an administrator with: user create-admin <user name> --email <address>");
                return 1;
            }

            var reset = await administration.ResetPasswordAsync(Operator, user.Id, password, cancellationToken);
            if (!reset.Succeeded)
            {
                await Console.Error.WriteLineAsync($"The password of '{invocation.UserName}' was not changed: {reset}");
                return 1;
            }

            Show($"The password of '{user.UserName}' was reset; their sessions and tokens were revoked.", password);
            return 0;
        }

        var created = await administration.CreateAsync(Operator, new NewUser
        {
            UserName = invocation.UserName,
            Email = invocation.Email!,
            Password = password,
            Roles = [AdministratorSetup.AdministratorRole],
        }, cancellationToken);
        if (!created.Succeeded)
        {
            await Console.Error.WriteLineAsync($"The administrator '{invocation.UserName}' was not created: {created}");
            return 1;
        }

        Show($"Administrator '{invocation.UserName}' created.", password);
        return 0;
    }

    /// <summary>Whoever runs the command on the server's console: they can read the database anyway, so they act as an Administrator.</summary>
    private static ClaimsPrincipal Operator { get; } = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "command line"), new Claim(ClaimTypes.Role, AdministratorSetup.AdministratorRole)],
        authenticationType: "CommandLine"));

    private static void Show(string what, string password)
    {
        // On the console only, once: never written to a log.
        Console.WriteLine();
        Console.WriteLine($"  {what} New password:  {password}");
        Console.WriteLine("  It is shown only this once. Sign in at /admin and change it (Profile, Password).");
        Console.WriteLine();
    }
}
