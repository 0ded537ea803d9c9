namespace Cms.Core.Storage;

/// <summary>
/// Tells this process's caches that state they depend on (roles and permissions, API clients, content definitions,
/// published content) changed: at once when this process saved the change (again when it commits), and within the
/// database check interval when another process did (a <c>recipe run</c>, another node). Caches subscribe and empty
/// themselves; they never decide on their own that the database is unchanged.
/// </summary>
public sealed class SharedStateSignal
{
    public event Action<string>? Changed;

    public void Raise(string reason) => Changed?.Invoke(reason);
}
