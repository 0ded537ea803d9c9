using System.Collections.Concurrent;
using Cms.Core.Events;

namespace Cms.Data.Tests.Support;

/// <summary>Keeps every content event it is given, in order.</summary>
public sealed class RecordingEventHandler : IContentEventHandler
{
    private readonly ConcurrentQueue<ContentEvent> _events = new();

    public IReadOnlyList<ContentEvent> Events => [.. _events];

    public Task HandleAsync(ContentEvent contentEvent, CancellationToken cancellationToken)
    {
        _events.Enqueue(contentEvent);
        return Task.CompletedTask;
    }
}
