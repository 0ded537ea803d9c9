namespace Cms.GraphQL.Tests.Support;

/// <summary>A host whose schema only token holders may read (<c>AllowAnonymousIntrospection: false</c>, as in production).</summary>
public sealed class NoAnonymousIntrospectionHost()
    : GraphQLHost(factory =>
    {
        factory.WithSetting("Cms:GraphQL:AllowAnonymousIntrospection", "false");
    });
