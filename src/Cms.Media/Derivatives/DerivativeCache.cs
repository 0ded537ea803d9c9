using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Cms.Media.Derivatives;

/// <summary>
/// Rendered derivatives on disk under <c>{DataDirectory}/cache/media/{hash of the file's path}/{token}.{ext}</c>
/// (so deleting a file drops all its derivatives), and the single flight: concurrent first requests for the same
/// derivative share one render.
/// </summary>
public sealed class DerivativeCache(IOptions<MediaOptions> options)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _inFlight = new(StringComparer.Ordinal);
    private long _renders;

    /// <summary>How many derivatives this process has rendered (each render of a cache miss counts once).</summary>
    public long Renders => Interlocked.Read(ref _renders);

    public string FileFor(string mediaPath, string token, string extension) =>
        Path.Combine(FolderFor(mediaPath), token + extension);

    /// <summary>Returns the cached file, rendering it once however many callers ask at the same time.</summary>
    public async Task<string> GetOrRenderAsync(string file, Func<string, Task> render)
    {
        if (File.Exists(file))
        {
            return file;
        }

        var flight = _inFlight.GetOrAdd(file, key => new Lazy<Task<string>>(() => RenderAsync(key, render)));
        try
        {
            return await flight.Value;
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(file, flight));
        }
    }

    public void DeleteAll(string mediaPath)
    {
        var folder = FolderFor(mediaPath);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<string> RenderAsync(string file, Func<string, Task> render)
    {
        if (File.Exists(file))
        {
            return file;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Interlocked.Increment(ref _renders);
            await render(temporary);
            File.Move(temporary, file, overwrite: true);
            return file;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private string FolderFor(string mediaPath)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(mediaPath)))[..24];
        return Path.Combine(options.Value.CachePath, hash[..2], hash);
    }
}
