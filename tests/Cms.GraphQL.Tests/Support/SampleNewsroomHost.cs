namespace Cms.GraphQL.Tests.Support;

/// <summary>The host as a new user first meets it: the newsroom recipe and the sample newsroom content.</summary>
public sealed class SampleNewsroomHost() : GraphQLHost(configure: factory => factory.WithSampleContent())
{
    protected override bool Seed => false;
}
