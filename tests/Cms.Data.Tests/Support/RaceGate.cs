namespace Cms.Data.Tests.Support;

/// <summary>
/// Holds each arriving writer until all have arrived or the timeout passes. On a database that serializes
/// writers (SQLite takes its write lock when the transaction begins) the second writer cannot arrive while the
/// first waits, so the timeout lets the first go on.
/// </summary>
public sealed class RaceGate(int parties, TimeSpan timeout)
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public int Arrived => Volatile.Read(ref _arrived);

    public async Task ArriveAsync()
    {
        if (Interlocked.Increment(ref _arrived) >= parties)
        {
            _open.TrySetResult();
        }

        await Task.WhenAny(_open.Task, Task.Delay(timeout));
    }
}
