using System.Net;
using System.Net.Sockets;
using Cms.Testing;
using Microsoft.Playwright;

namespace Cms.E2E;

/// <summary>
/// The real host on Kestrel (a free loopback port, its own temporary data directory) and one headless Chromium,
/// shared by the tests of the <see cref="AdminHostCollection"/>. Both start on first use, after the test has
/// checked that Chromium exists, so a machine without it skips (locally) instead of failing the fixture.
/// </summary>
public class AdminHostFixture : IAsyncLifetime
{
    private CmsWebApplicationFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = "";

    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>Starts the host and the browser once; returns the browser.</summary>
    public async Task<IBrowser> StartAsync(string chromiumPath)
    {
        // The collection runs its tests one after the other, so no lock is needed here.
        if (_factory is null)
        {
            var port = FreePort();
            var factory = new CmsWebApplicationFactory();
            Configure(factory);
            factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
            factory.StartServer();
            _factory = factory;
            BaseUrl = $"http://127.0.0.1:{port}";
        }

        if (_browser is null)
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromiumPath,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run",
                ],
            });
        }

        return _browser;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Settings and services of this fixture's host (e.g. a clock the tests move), before it starts.</summary>
    protected virtual void Configure(CmsWebApplicationFactory factory)
    {
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
