using Cms.GraphQL.Tests.Support;
using Cms.Security.Roles;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cms.GraphQL.Tests;

/// <summary>A role change empties the cached GraphQL responses that depended on it at once.</summary>
public sealed class PermissionCacheTests(NewsroomHost host) : IClassFixture<NewsroomHost>
{
    [Fact]
    public async Task Taking_View_Article_from_Anonymous_stops_the_cached_answer_at_once()
    {
        const string Query = "{ article(first: 3) { contentItemId } }";
        var first = await host.Client.PostAsync(Query);
        var cached = await host.Client.PostAsync(Query);
        Assert.False(first.HasErrors, first.Text);
        Assert.Equal(first.Text, cached.Text);

        await host.AsSystemAsync(async services =>
        {
            var roles = services.GetRequiredService<RoleAdministration>();
            var admin = await AdminAsync(services);
            var anonymous = await roles.GetAsync(admin, "Anonymous");
            Assert.NotNull(anonymous);
            var result = await roles.UpdateAsync(admin, "Anonymous", new RoleInput
            {
                Name = "Anonymous",
                Description = anonymous.Description,
                Permissions = [.. anonymous.Permissions.Where(p => p != "View_Article")],
            });
            Assert.True(result.Succeeded, result.ToString());
        });
        var after = await host.Client.PostAsync(Query);

        Assert.Equal(["ACCESS_DENIED"], after.ErrorCodes);
    }

    private static async Task<System.Security.Claims.ClaimsPrincipal> AdminAsync(IServiceProvider services)
    {
        var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Cms.Data.Entities.CmsUser>>();
        var signIn = services.GetRequiredService<Microsoft.AspNetCore.Identity.SignInManager<Cms.Data.Entities.CmsUser>>();
        return await signIn.CreateUserPrincipalAsync((await users.FindByNameAsync(Cms.Testing.CmsWebApplicationFactory.AdminUserName))!);
    }
}
