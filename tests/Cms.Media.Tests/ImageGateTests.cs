using System.Diagnostics;
using Cms.Core.Media;
using Cms.Media.Imaging;
using Cms.Media.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cms.Media.Tests;

/// <summary>
/// The crafted-file corpus against the one decode gate: each file is refused with a message naming the problem,
/// within a generous time bound and without the memory the file asks for.
/// </summary>
public sealed class ImageGateTests
{
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(10);

    // The gate reads through pooled unmanaged buffers too, so both the managed allocations and the process's peak
    // working set are bounded: far below what the crafted headers ask for (gigabytes).
    private const long MemoryBound = 400L * 1024 * 1024;

    public static TheoryData<string, string> Corpus => new()
    {
        { nameof(CraftedImages.TruncatedJpeg), "truncated" },
        { nameof(CraftedImages.HugeDimensionsPng), "65535×65535 pixels" },
        { nameof(CraftedImages.DecompressionBombPng), "20000×20000 pixels" },
        { nameof(CraftedImages.ManyFramesGif), "3000 frames" },
        { nameof(CraftedImages.GifHtmlPolyglot), "GIF image is damaged" },
        { nameof(CraftedImages.HtmlPage), "not a JPEG, PNG, GIF or WebP image" },
        { nameof(CraftedImages.Svg), "not a JPEG, PNG, GIF or WebP image" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Crafted_files_are_refused_in_bounded_time_and_memory(string file, string expected)
    {
        var bytes = (byte[])typeof(CraftedImages).GetMethod(file)!.Invoke(null, file == nameof(CraftedImages.DecompressionBombPng) || file == nameof(CraftedImages.ManyFramesGif) ? [Type.Missing] : null)!;
        using var gate = Gate(new MediaOptions());
        var managedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peakBefore = process.PeakWorkingSet64;
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<MediaRejectedException>(() => gate.DecodeAsync(new MemoryStream(bytes), (_, _, _) => Task.FromResult(0)));

        clock.Stop();
        process.Refresh();
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(400, error.StatusCode);
        Assert.True(clock.Elapsed < TimeBound, $"{file} took {clock.Elapsed}");
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - managedBefore < MemoryBound, $"{file} allocated {GC.GetTotalAllocatedBytes(precise: true) - managedBefore} managed bytes");
        Assert.True(process.PeakWorkingSet64 - peakBefore < MemoryBound, $"{file} raised the peak working set by {process.PeakWorkingSet64 - peakBefore} bytes");
    }

    [Fact]
    public async Task A_bomb_under_the_pixel_cap_is_stopped_by_the_allocation_budget()
    {
        // 6,000×6,000 is under a 50 megapixel cap, but decoding it takes well over 32 MB.
        var bomb = CraftedImages.DecompressionBombPng(6_000);
        using var gate = Gate(new MediaOptions { MaxDecodeMegabytes = 32 });

        var error = await Assert.ThrowsAsync<MediaRejectedException>(() => gate.DecodeAsync(new MemoryStream(bomb), (_, _, _) => Task.FromResult(0)));

        Assert.Equal("The image needs more than 32 MB of memory to decode.", error.Message);
    }

    [Fact]
    public async Task A_decode_over_the_time_limit_is_refused()
    {
        var photo = CraftedImages.Photo(2000, 1500);
        using var gate = Gate(new MediaOptions { DecodeTimeout = TimeSpan.FromMilliseconds(200) });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<MediaRejectedException>(() => gate.DecodeAsync(new MemoryStream(photo), async (_, _, token) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), token);
            return 0;
        }));

        Assert.Contains("took longer than 0.2 s", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Decodes_wait_for_a_free_slot()
    {
        using var gate = Gate(new MediaOptions { MaxConcurrentDecodes = 2 });
        var photo = CraftedImages.Photo(64, 64);
        var running = 0;
        var mostAtOnce = 0;
        var release = new TaskCompletionSource();

        var decodes = Enumerable.Range(0, 6).Select(_ => gate.DecodeAsync(new MemoryStream(photo), async (_, _, _) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            await release.Task;
            Interlocked.Decrement(ref running);
            return 1;
        })).ToList();
        // Both slots taken and both decodes inside their work (a slot is taken a moment before the work starts).
        await WaitUntilAsync(() => gate.Running == 2 && gate.Waiting == 4 && Volatile.Read(ref running) == 2);
        release.SetResult();

        Assert.Equal(6, (await Task.WhenAll(decodes)).Sum());
        Assert.Equal(2, mostAtOnce);
    }

    [Fact]
    public async Task A_flood_beyond_the_queue_gets_503()
    {
        using var gate = Gate(new MediaOptions { MaxConcurrentDecodes = 1, MaxQueuedDecodes = 1 });
        var photo = CraftedImages.Photo(64, 64);
        var release = new TaskCompletionSource();
        var first = gate.DecodeAsync(new MemoryStream(photo), async (_, _, _) => { await release.Task; return 1; });
        await WaitUntilAsync(() => gate.Running == 1);
        var second = gate.DecodeAsync(new MemoryStream(photo), (_, _, _) => Task.FromResult(1));
        await WaitUntilAsync(() => gate.Waiting == 1);

        var error = await Assert.ThrowsAsync<MediaRejectedException>(() => gate.DecodeAsync(new MemoryStream(photo), (_, _, _) => Task.FromResult(1)));
        release.SetResult();

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(2, await first + await second);
    }

    [Fact]
    public async Task The_header_says_the_real_format_whatever_the_name()
    {
        using var gate = Gate(new MediaOptions());

        var header = await gate.IdentifyAsync(new MemoryStream(CraftedImages.Photo(300, 200)));

        Assert.Equal(MediaFormat.Jpeg, header.Format);
        Assert.Equal((300, 200), (header.Width, header.Height));
    }

    internal static ImageGate Gate(MediaOptions options) => new(Options.Create(options), NullLogger<ImageGate>.Instance);

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "The condition was not met in time.");
            await Task.Delay(10);
        }
    }
}
