namespace Cms.Core.Metadata;

/// <summary>Reads and changes content definitions. A change inside a transaction is seen by that transaction only until it commits.</summary>
public interface IContentDefinitionManager
{
    Task<ContentDefinitionSet> GetAsync(CancellationToken cancellationToken = default);

    Task<ContentTypeDefinition?> GetTypeAsync(string name, CancellationToken cancellationToken = default);

    Task SaveAsync(ContentDefinitionSet definitions, CancellationToken cancellationToken = default);
}
