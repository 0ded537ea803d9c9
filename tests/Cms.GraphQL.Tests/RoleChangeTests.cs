using System.Net;
using Cms.GraphQL.Tests.Support;
using Cms.Recipes;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cms.GraphQL.Tests;

/// <summary>Role permissions are cached across requests; a change to a role counts from the next request.</summary>
public sealed class RoleChangeTests(GraphQLHost host) : IClassFixture<GraphQLHost>
{
    [Fact]
    public async Task Taking_ExecuteGraphQL_from_Anonymous_refuses_the_next_anonymous_request_even_a_cached_one()
    {
        const string Query = "{ section(first: 1) { contentItemId } }";
        var before = await host.Client.PostAsync(Query);
        var cached = await host.Client.PostAsync(Query);

        await host.AsSystemAsync(services => services.GetRequiredService<RecipeExecutor>().ExecuteAsync(
            """{ "name": "lock", "steps": [ { "name": "Roles", "Roles": [ { "Name": "Anonymous", "Permissions": ["ExecuteGraphQL"], "PermissionBehavior": "Remove" } ] } ] }""",
            AppContext.BaseDirectory,
            new RecipeParameters()));
        var after = await host.Client.PostAsync(Query);

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(before.Text, cached.Text);
        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
        Assert.Equal(["ACCESS_DENIED"], after.ErrorCodes);
    }
}
