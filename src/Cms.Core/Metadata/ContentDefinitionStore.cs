using Cms.Core.Content;
using Cms.Core.Storage;

namespace Cms.Core.Metadata;

/// <summary>Keeps the definitions in the document named <c>ContentDefinitions</c>, in the recipe shape.</summary>
public sealed class ContentDefinitionStore(IDocumentStore documents, ContentItemNormalizer normalizer) : IContentDefinitionStore
{
    public const string DocumentName = "ContentDefinitions";

    public async Task<ContentDefinitionSet> LoadAsync(CancellationToken cancellationToken)
    {
        var json = await documents.GetAsync(DocumentName, cancellationToken);
        return json is null ? ContentDefinitionSet.Empty : ContentDefinitionJson.FromJson(json, normalizer.FieldKindNames);
    }

    public Task SaveAsync(ContentDefinitionSet definitions, CancellationToken cancellationToken) =>
        documents.SetAsync(DocumentName, ContentDefinitionJson.ToJson(definitions), cancellationToken);
}
