namespace Cms.Core.Metadata;

/// <summary>Persists the content definitions as one document.</summary>
public interface IContentDefinitionStore
{
    Task<ContentDefinitionSet> LoadAsync(CancellationToken cancellationToken);

    Task SaveAsync(ContentDefinitionSet definitions, CancellationToken cancellationToken);
}
