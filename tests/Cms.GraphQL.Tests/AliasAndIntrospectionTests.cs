using System.Text.Json;
using Cms.GraphQL.Tests.Support;
using Xunit;

namespace Cms.GraphQL.Tests;

/// <summary>
/// Aliases cannot multiply work: a document has a bounded number of aliases and root fields, and identical fields
/// with identical arguments run once. The standard introspection query of front-end tools passes (it has its own
/// budget), and can be closed to anonymous callers.
/// </summary>
public sealed class AliasAndIntrospectionTests(GraphQLHost host) : IClassFixture<GraphQLHost>
{
    /// <summary>The introspection query GraphiQL's docs pane and code generators send (descriptions, deprecations, nested type references).</summary>
    public const string FullIntrospection = """
        query IntrospectionQuery {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;

    [Fact]
    public async Task Identical_aliased_list_fields_run_one_query()
    {
        static string Aliases(int n) => "{ " + string.Join(' ', Enumerable.Range(1, n).Select(i => $"a{i}: article(first: 5, orderBy: {{ contentItemId: ASC }}) {{ contentItemId }}")) + " }";
        await host.Client.PostAsync(Aliases(1), token: await host.TokenAsync("previewer"));

        host.Counter.Reset();
        var one = await host.Client.PostAsync(Aliases(1), token: await host.TokenAsync("previewer"));
        var single = host.Counter.ContentCommands;
        host.Counter.Reset();
        var many = await host.Client.PostAsync(Aliases(20), token: await host.TokenAsync("previewer"));
        var repeated = host.Counter.ContentCommands;

        Assert.False(many.HasErrors, many.Text);
        Assert.Equal(single, repeated);
        var first = one.Data.GetProperty("a1").ToString();
        Assert.All(Enumerable.Range(1, 20), i => Assert.Equal(first, many.Data.GetProperty($"a{i}").ToString()));
    }

    [Fact]
    public async Task Too_many_aliases_or_root_fields_are_refused_before_anything_runs()
    {
        var aliases = "{ " + string.Join(' ', Enumerable.Range(1, 900).Select(i => $"a{i}: section(skip: {i}) {{ contentItemId }}")) + " }";
        var roots = "{ " + string.Join(' ', Enumerable.Range(1, 21).Select(_ => "section { contentItemId }")) + " }";
        var fragments = "{ ...f } fragment f on Query { " + string.Join(' ', Enumerable.Range(1, 31).Select(i => $"x{i}: __typename")) + " }";

        host.Counter.Reset();
        var manyAliases = await host.Client.PostAsync(aliases);
        var manyRoots = await host.Client.PostAsync(roots);
        var aliasedInFragment = await host.Client.PostAsync(fragments);

        Assert.Equal(["DOCUMENT_TOO_LARGE"], manyAliases.ErrorCodes);
        Assert.Contains("900 aliases", manyAliases.Text, StringComparison.Ordinal);
        Assert.Equal(["DOCUMENT_TOO_LARGE"], manyRoots.ErrorCodes);
        Assert.Contains("21 root fields", manyRoots.Text, StringComparison.Ordinal);
        Assert.Equal(["DOCUMENT_TOO_LARGE"], aliasedInFragment.ErrorCodes);
        Assert.DoesNotContain(host.Counter.Commands, c => c.Contains("ContentItems", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_standard_introspection_query_is_answered_for_anonymous_callers()
    {
        var response = await host.Client.PostAsync(FullIntrospection, operationName: "IntrospectionQuery");

        Assert.False(response.HasErrors, response.Text);
        var types = response.Data.GetProperty("__schema").GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Contains("Article", types);
        Assert.Contains("ContentItem", types);
    }
}

/// <summary>With anonymous introspection off, anonymous callers cannot read the schema; token holders can.</summary>
public sealed class AnonymousIntrospectionOffTests(NoAnonymousIntrospectionHost host) : IClassFixture<NoAnonymousIntrospectionHost>
{
    [Fact]
    public async Task Anonymous_callers_cannot_read_the_schema_token_holders_can()
    {
        var anonymous = await host.Client.PostAsync(AliasAndIntrospectionTests.FullIntrospection, operationName: "IntrospectionQuery");
        var withToken = await host.Client.PostAsync(AliasAndIntrospectionTests.FullIntrospection, operationName: "IntrospectionQuery", token: await host.TokenAsync("previewer"));
        var anonymousAgain = await host.Client.PostAsync(AliasAndIntrospectionTests.FullIntrospection, operationName: "IntrospectionQuery");
        var content = await host.Client.PostAsync("{ article(first: 1) { contentItemId } }");

        Assert.True(anonymous.HasErrors);
        Assert.Contains("introspection", anonymous.Text, StringComparison.OrdinalIgnoreCase);
        Assert.False(withToken.HasErrors, withToken.Text);
        Assert.Equal(JsonValueKind.Object, withToken.Data.GetProperty("__schema").ValueKind);
        Assert.True(anonymousAgain.HasErrors);
        Assert.False(content.HasErrors, content.Text);
    }

    [Fact]
    public async Task A_type_lookup_validated_for_a_token_holder_is_still_refused_to_anonymous_callers()
    {
        const string Query = "query Lookup { article(first: 1) { contentItemId } ...t } fragment t on Query { __type(name: \"Article\") { name } }";
        var withToken = await host.Client.PostAsync(Query, token: await host.TokenAsync("previewer"));
        var anonymous = await host.Client.PostAsync(Query);

        Assert.False(withToken.HasErrors, withToken.Text);
        Assert.Equal("Article", withToken.Data.GetProperty("__type").GetProperty("name").GetString());
        Assert.True(anonymous.HasErrors);
        Assert.Contains("introspection", anonymous.Text, StringComparison.OrdinalIgnoreCase);
    }
}
