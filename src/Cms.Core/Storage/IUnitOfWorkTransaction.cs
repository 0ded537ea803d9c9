namespace Cms.Core.Storage;

/// <summary>A transaction scope: disposing it without <see cref="CommitAsync"/> rolls everything back.</summary>
public interface IUnitOfWorkTransaction : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken = default);
}
