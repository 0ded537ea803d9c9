namespace Cms.GraphQL.Tests.Support;

/// <summary>
/// A Production host with small limits and introspection off; newsroom sections only. One query executes at a
/// time and none waits: the tests send one request at a time, and the gate test takes the only slot itself.
/// </summary>
public sealed class LimitsHost()
    : GraphQLHost(factory =>
    {
        factory.Environment = "Production";
        factory.WithSetting("Cms:GraphQL:MaxPageSize", "10")
            .WithSetting("Cms:GraphQL:DefaultPageSize", "5")
            .WithSetting("Cms:GraphQL:MaxDepth", "4")
            .WithSetting("Cms:GraphQL:MaxComplexity", "300")
            .WithSetting("Cms:GraphQL:MaxRequestBytes", "2000")
            .WithSetting("Cms:GraphQL:MaxSkip", "50")
            .WithSetting("Cms:GraphQL:EnableIntrospection", "false")
            .WithSetting("Cms:GraphQL:MaxConcurrentExecutions", "1")
            .WithSetting("Cms:GraphQL:MaxQueuedExecutions", "0");
    })
{
    protected override bool Seed => false;
}
