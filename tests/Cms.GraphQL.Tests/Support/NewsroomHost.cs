namespace Cms.GraphQL.Tests.Support;

/// <summary>The host with the newsroom recipe only (no test content), with default settings.</summary>
public sealed class NewsroomHost() : GraphQLHost(configure: null)
{
    protected override bool Seed => false;
}
