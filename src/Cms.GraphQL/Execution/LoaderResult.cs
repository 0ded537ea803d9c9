using GraphQL.DataLoader;

namespace Cms.GraphQL.Execution;

/// <summary>A value the execution strategy collects after the other pending fields, so loaders can batch.</summary>
internal sealed class LoaderResult<T>(Func<CancellationToken, Task<T>> load) : IDataLoaderResult<T>
{
    private Task<T>? _result;

    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => _result ??= load(cancellationToken);

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);

    /// <summary>
    /// Continues with the loaded value. The continuation may return another loader result: the strategy then
    /// queues it behind its siblings, so a second stage (e.g. topping up related items) is batched as well.
    /// </summary>
    public static IDataLoaderResult<object?> Then<TSource>(IDataLoaderResult<TSource> source, Func<TSource, object?> next) =>
        new LoaderResult<object?>(async cancellationToken => next(await source.GetResultAsync(cancellationToken)));
}
