using System.Security.Claims;
using Cms.Data.Entities;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Workflow.Tests.Support;

/// <summary>People of the newsroom for the desk's tests: users in the recipe's roles, and service calls made as one of them.</summary>
public static class DeskUsers
{
    public const string Password = "Desk-Password-4711";

    /// <summary>Creates a user in the given role; returns the user's id.</summary>
    public static Task<string> CreateAsync(WorkflowHost host, string userName, string role) => host.AsSystemAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<CmsUser>>();
        var user = new CmsUser { UserName = userName, Email = userName + "@example.com", EmailConfirmed = true, DisplayName = userName, CreatedUtc = DateTime.UtcNow };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        return user.Id;
    });

    /// <summary>Runs <paramref name="action"/> as if inside a request made by the user (the content manager and the desk read the request's user).</summary>
    public static async Task<T> AsUserAsync<T>(WorkflowHost host, string userName, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user {userName}.");
        ClaimsPrincipal principal = await services.GetRequiredService<SignInManager<CmsUser>>().CreateUserPrincipalAsync(user);
        var accessor = services.GetRequiredService<IHttpContextAccessor>();
        var previous = accessor.HttpContext;
        accessor.HttpContext = new DefaultHttpContext { User = principal, RequestServices = services };
        try
        {
            return await action(services);
        }
        finally
        {
            accessor.HttpContext = previous;
        }
    }

    public static Task AsUserAsync(WorkflowHost host, string userName, Func<IServiceProvider, Task> action) =>
        AsUserAsync(host, userName, async sp =>
        {
            await action(sp);
            return true;
        });

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
