namespace Cms.Core.Media;

/// <summary>The media library's files, addressed by relative paths such as <c>covers/harbour.jpg</c>.</summary>
public interface IMediaFileStore
{
    Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Writes a file, replacing one at the same path.</summary>
    Task SaveAsync(string path, Stream content, CancellationToken cancellationToken = default);

    Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Removes a file; false when there was none.</summary>
    Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default);
}
