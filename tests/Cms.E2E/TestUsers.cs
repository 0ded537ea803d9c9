using Cms.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.E2E;

/// <summary>Seeds users straight through Identity, for tests whose subject is not the creation form.</summary>
public static class TestUsers
{
    public static async Task<CmsUser> CreateAsync(IServiceProvider services, string userName, string password, params string[] roles)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        var user = new CmsUser { UserName = userName, Email = userName + "@example.com", EmailConfirmed = true, DisplayName = userName, CreatedUtc = DateTime.UtcNow };
        Check(await users.CreateAsync(user, password));
        if (roles.Length > 0)
        {
            Check(await users.AddToRolesAsync(user, roles));
        }

        return user;
    }

    public static async Task<(CmsUser User, IList<string> Roles)> LoadAsync(IServiceProvider services, string userName)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user {userName}.");
        return (user, await users.GetRolesAsync(user));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
