using Cms.Core.Storage;

namespace Cms.Core.Metadata;

public sealed class ContentDefinitionManager(IContentDefinitionStore store, ContentDefinitionCache cache, IUnitOfWork unitOfWork) : IContentDefinitionManager
{
    private ContentDefinitionSet? _pending;

    private readonly CompletedAnswer<ContentDefinitionSet> _answer = new();

    public Task<ContentDefinitionSet> GetAsync(CancellationToken cancellationToken = default) =>
        (_pending ?? cache.Current) is { } known ? _answer.Of(known) : LoadAsync(cancellationToken);

    private async Task<ContentDefinitionSet> LoadAsync(CancellationToken cancellationToken)
    {
        var generation = cache.Generation;
        var loaded = await store.LoadAsync(cancellationToken);
        cache.SetLoaded(loaded, generation);
        return loaded;
    }

    public async Task<ContentTypeDefinition?> GetTypeAsync(string name, CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).FindType(name);

    public async Task SaveAsync(ContentDefinitionSet definitions, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(cancellationToken);
        var next = definitions with { Serial = current.Serial + 1 };
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        await store.SaveAsync(next, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        _pending = next;
        unitOfWork.OnCommitted(() =>
        {
            cache.Set(next);
            return Task.CompletedTask;
        });
        unitOfWork.OnRolledBack(() => _pending = null);
        await transaction.CommitAsync(cancellationToken);
    }
}
