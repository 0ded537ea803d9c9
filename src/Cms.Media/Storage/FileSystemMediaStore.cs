using Cms.Core.Fields;
using Cms.Core.Media;
using Microsoft.Extensions.Options;

namespace Cms.Media.Storage;

/// <summary>Media files under <c>{Cms:DataDirectory}/Media</c>.</summary>
public sealed class FileSystemMediaStore(IOptions<MediaOptions> settings) : IMediaFileStore
{
    public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(Resolve(path)));

    public async Task SaveAsync(string path, Stream content, CancellationToken cancellationToken = default)
    {
        var full = Resolve(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".uploading";
        await using (var file = File.Create(temporary))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        File.Move(temporary, full, overwrite: true);
    }

    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = Resolve(path);
        return Task.FromResult<Stream?>(File.Exists(full) ? File.OpenRead(full) : null);
    }

    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = Resolve(path);
        if (!File.Exists(full))
        {
            return Task.FromResult(false);
        }

        File.Delete(full);
        return Task.FromResult(true);
    }

    private string Resolve(string path)
    {
        if (!MediaFieldKind.IsSafeMediaPath(path))
        {
            throw new ArgumentException($"'{path}' is not a valid media path.", nameof(path));
        }

        return Path.Combine(settings.Value.RootPath, path.Replace('/', Path.DirectorySeparatorChar));
    }
}
