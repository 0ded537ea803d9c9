using Cms.Core.Media;

namespace Cms.Media.Storage;

/// <summary>Reads from the media store for the image gate, which needs a stream it can rewind.</summary>
public static class MediaStoreReads
{
    /// <summary>
    /// The file at <paramref name="path"/> as a seekable stream: the store's own when it can seek (a file), otherwise a
    /// copy in a temporary file that is deleted when the stream is disposed (an object of a remote store). Null when
    /// there is no such file.
    /// </summary>
    public static async Task<Stream?> OpenSeekableAsync(IMediaFileStore store, string path, string temporaryFolder, CancellationToken cancellationToken)
    {
        var stream = await store.OpenReadAsync(path, cancellationToken);
        if (stream is null || stream.CanSeek)
        {
            return stream;
        }

        await using (stream)
        {
            Directory.CreateDirectory(temporaryFolder);
            var copy = new FileStream(Path.Combine(temporaryFolder, Guid.NewGuid().ToString("N") + ".read"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            try
            {
                await stream.CopyToAsync(copy, cancellationToken);
                copy.Position = 0;
                return copy;
            }
            catch
            {
                await copy.DisposeAsync();
                throw;
            }
        }
    }
}
