namespace Cms.E2E;

/// <summary>The browser tests share one host and one browser, and run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class AdminHostCollection : ICollectionFixture<AdminHostFixture>
{
    public const string Name = "Admin host and browser";
}
