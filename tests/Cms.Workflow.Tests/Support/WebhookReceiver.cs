using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cms.Workflow.Tests.Support;

/// <summary>
/// A webhook receiver on a real Kestrel port: records every request that arrives and counts those it accepted (answered
/// 2xx). <see cref="Respond"/> decides the answer of each request (by its index): a status code, 3xx with a Location,
/// or -1 to hold the request open until the sender gives up.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Request> _arrived = new();
    private readonly ConcurrentQueue<Request> _accepted = new();
    private int _count;

    private WebhookReceiver(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public sealed record Request(string Path, string? Id, string? Timestamp, string? Signature, string Body);

    public int Port { get; }

    /// <summary>The status for the request with this index (0 for the first); 200 by default.</summary>
    public Func<int, int> Respond { get; set; } = _ => 200;

    public IReadOnlyList<Request> Arrived => [.. _arrived];

    public IReadOnlyList<Request> Accepted => [.. _accepted];

    /// <summary>Completes when a request arrives that is held open.</summary>
    public TaskCompletionSource HeldOpen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Url(string path = "/hook") => $"http://127.0.0.1:{Port}{path}";

    public static async Task<WebhookReceiver> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, port);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new Request(context.Request.Path, context.Request.Headers["webhook-id"], context.Request.Headers["webhook-timestamp"], context.Request.Headers["webhook-signature"], body);
        _arrived.Enqueue(request);
        var status = Respond(Interlocked.Increment(ref _count) - 1);
        if (status < 0)
        {
            HeldOpen.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The sender gave up (or died): nothing was accepted.
            }

            return;
        }

        if (status is >= 200 and < 300)
        {
            _accepted.Enqueue(request);
        }

        context.Response.StatusCode = status;
        if (status is >= 300 and < 400)
        {
            context.Response.Headers.Location = "/elsewhere";
        }

        await context.Response.WriteAsync(status is >= 200 and < 300 ? "thanks" : new string('x', 5000), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
