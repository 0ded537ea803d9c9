using Cms.Core.Media;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;

namespace Cms.Media.Imaging;

/// <summary>
/// The one place where images are decoded (uploads, recipe media, derivatives), because ImageSharp 2.1 has known
/// flaws with crafted files. In order: the format is decided from the content (only JPEG, PNG, GIF and WebP
/// decoders are registered); the header's size is checked against the pixel cap; a JPEG must not be truncated;
/// then the decode runs in a bounded number of slots, with its own allocation budget and a time limit. Every
/// refusal is a <see cref="MediaRejectedException"/> naming the problem; nothing else escapes for a bad file.
/// </summary>
public sealed class ImageGate : IDisposable
{
    private readonly MediaOptions _options;
    private readonly ILogger<ImageGate> _logger;
    private readonly Configuration _configuration;
    // Plain arrays: ImageSharp's pooled allocator hands out buffers of different kinds by size, which a group of
    // buffers allocated one by one through the budget cannot mix; arrays also go back to the runtime after each image.
    private readonly MemoryAllocator _pool = new SimpleGcMemoryAllocator();
    private readonly SemaphoreSlim _slots;
    private int _waiting;

    public ImageGate(IOptions<MediaOptions> options, ILogger<ImageGate> logger)
    {
        _options = options.Value;
        _logger = logger;
        _configuration = new Configuration(
            new JpegConfigurationModule(), new PngConfigurationModule(), new GifConfigurationModule(), new WebpConfigurationModule())
        {
            // The gate runs several decodes side by side (one per slot); each keeps to one core.
            MaxDegreeOfParallelism = 1,
        };
        var slots = _options.MaxConcurrentDecodes > 0 ? _options.MaxConcurrentDecodes : Environment.ProcessorCount;
        _slots = new SemaphoreSlim(slots, slots);
    }

    /// <summary>Decodes waiting for a slot right now (for tests and diagnostics).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Decodes running right now.</summary>
    public int Running => (_options.MaxConcurrentDecodes > 0 ? _options.MaxConcurrentDecodes : Environment.ProcessorCount) - _slots.CurrentCount;

    /// <summary>
    /// Reads the header only: the real format and the size, refusing anything that is not an accepted image, is over
    /// the pixel cap or is a truncated JPEG. The stream must be seekable; it is left at its start.
    /// </summary>
    public async Task<ImageHeader> IdentifyAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The gate reads images from seekable streams (a temporary file or a file in the library).", nameof(stream));
        }

        stream.Position = 0;
        var detected = await Image.DetectFormatAsync(_configuration, stream, cancellationToken);
        var format = Accepted(detected)
            ?? throw new MediaRejectedException("The file is not a JPEG, PNG, GIF or WebP image (its content was checked, not its name).");

        stream.Position = 0;
        IImageInfo? info;
        try
        {
            info = await Image.IdentifyAsync(Budgeted(out _), stream, cancellationToken);
        }
        catch (Exception e) when (IsBadImage(e))
        {
            throw Damaged(format, e);
        }

        if (info is null || info.Width <= 0 || info.Height <= 0)
        {
            throw new MediaRejectedException($"The {format.Name.ToUpperInvariant()} image has no readable size in its header.");
        }

        var header = new ImageHeader(format, info.Width, info.Height);
        if (header.Pixels > _options.MaxPixels)
        {
            throw new MediaRejectedException(
                $"The image is {header.Width}×{header.Height} pixels ({header.Pixels / 1_000_000.0:0.#} megapixels); the limit is {_options.MaxPixels / 1_000_000.0:0.#} megapixels.");
        }

        if (format == MediaFormat.Jpeg)
        {
            stream.Position = 0;
            if (!await JpegCompleteness.HasEndOfImageAsync(stream, cancellationToken))
            {
                throw new MediaRejectedException("The JPEG image is truncated: its data ends before the end-of-image marker.");
            }
        }

        stream.Position = 0;
        return header;
    }

    /// <summary>
    /// Checks the header, then decodes the image and runs <paramref name="work"/> on it (resize, encode ...) inside
    /// one slot, one allocation budget and one time limit. The image is disposed when the work ends.
    /// </summary>
    public async Task<T> DecodeAsync<T>(Stream stream, Func<Image, ImageHeader, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        var header = await IdentifyAsync(stream, cancellationToken);
        if (Interlocked.Increment(ref _waiting) > _options.MaxQueuedDecodes + _slots.CurrentCount)
        {
            Interlocked.Decrement(ref _waiting);
            throw new MediaRejectedException("Too many images are being processed; try again shortly.", 503);
        }

        try
        {
            await _slots.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        var timeout = new CancellationTokenSource(_options.DecodeTimeout);
        var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var configuration = Budgeted(out var budget);
        var running = Task.Run(
            async () =>
            {
                using var image = await Image.LoadAsync(configuration, stream, linked.Token);
                if (image.Frames.Count > _options.MaxFrames)
                {
                    throw new MediaRejectedException($"The image has {image.Frames.Count} frames; the limit is {_options.MaxFrames}.");
                }

                return await work(image, header, linked.Token);
            },
            CancellationToken.None);

        // The slot is given back only when the decode has really stopped, even if the caller stopped waiting.
        _ = running.ContinueWith(
            _ =>
            {
                _slots.Release();
                linked.Dispose();
                timeout.Dispose();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        try
        {
            // Decoders check the token row by row; the wait has its own bound in case one does not.
            return await running.WaitAsync(_options.DecodeTimeout + TimeSpan.FromSeconds(1), cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(header);
        }
        catch (TimeoutException)
        {
            throw TimedOut(header);
        }
        catch (DecodeBudgetExceededException e)
        {
            _logger.LogWarning("Refused a {Format} image of {Width}x{Height}: it asked for more than {Limit} bytes", header.Format.Name, header.Width, header.Height, budget.LimitBytes);
            throw new MediaRejectedException(e.Message);
        }
        catch (Exception e) when (IsBadImage(e))
        {
            throw Damaged(header.Format, e);
        }
    }

    public void Dispose()
    {
        _slots.Dispose();
        _pool.ReleaseRetainedResources();
    }

    private Configuration Budgeted(out DecodeBudget budget)
    {
        var configuration = _configuration.Clone();
        budget = new DecodeBudget(_pool, (long)_options.MaxDecodeMegabytes * 1024 * 1024);
        configuration.MemoryAllocator = budget;
        return configuration;
    }

    private MediaRejectedException TimedOut(ImageHeader header)
    {
        _logger.LogWarning("Refused a {Format} image of {Width}x{Height}: decoding took longer than {Timeout}", header.Format.Name, header.Width, header.Height, _options.DecodeTimeout);
        return new MediaRejectedException($"The image took longer than {_options.DecodeTimeout.TotalSeconds:0.#} s to decode.");
    }

    private static MediaFormat? Accepted(IImageFormat? format) => format switch
    {
        JpegFormat => MediaFormat.Jpeg,
        PngFormat => MediaFormat.Png,
        GifFormat => MediaFormat.Gif,
        WebpFormat => MediaFormat.Webp,
        _ => null,
    };

    private static bool IsBadImage(Exception e) =>
        e is ImageFormatException or InvalidImageContentException or UnknownImageFormatException or NotSupportedException
            or InvalidMemoryOperationException or EndOfStreamException or IndexOutOfRangeException or ArgumentException
            or InvalidOperationException or OverflowException
        && e is not MediaRejectedException;

    private static MediaRejectedException Damaged(MediaFormat format, Exception e) =>
        new($"The {format.Name.ToUpperInvariant()} image is damaged and cannot be read ({e.Message.TrimEnd('.')}).", e);
}
