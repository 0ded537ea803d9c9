namespace Cms.Core;

/// <summary>
/// The completed task of a scoped service's last answer: asked for the same value dozens of times in a request (every
/// item of a list checks permissions and reads definitions), the service hands out one task object instead of one per
/// call. A different value (the cache moved on) gets a new task, so callers see exactly what they saw before.
/// </summary>
public sealed class CompletedAnswer<T>
    where T : class
{
    private Task<T>? _last;

    public Task<T> Of(T value)
    {
        if (_last is not { } last || !ReferenceEquals(last.Result, value))
        {
            _last = last = Task.FromResult(value);
        }

        return last;
    }
}
