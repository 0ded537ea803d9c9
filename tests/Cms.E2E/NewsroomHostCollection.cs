namespace Cms.E2E;

/// <summary>The newsroom story runs on its own host, whose clock it moves.</summary>
[CollectionDefinition(Name)]
public sealed class NewsroomHostCollection : ICollectionFixture<NewsroomHostFixture>
{
    public const string Name = "Newsroom host with a test clock";
}
