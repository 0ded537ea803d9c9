using Cms.Media.Imaging;

namespace Cms.Media.Library;

/// <summary>
/// An image that passed the gate and was written again without its metadata, upright: a temporary file with its
/// real format, size and SHA-256. Disposing deletes the temporary file.
/// </summary>
public sealed class PreparedImage(string temporaryFile, MediaFormat format, int width, int height, long byteSize, string contentHash) : IAsyncDisposable
{
    public string TemporaryFile => temporaryFile;
    public MediaFormat Format => format;
    public int Width => width;
    public int Height => height;
    public long ByteSize => byteSize;
    public string ContentHash => contentHash;

    public Stream OpenRead() => new FileStream(temporaryFile, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public ValueTask DisposeAsync()
    {
        try
        {
            File.Delete(temporaryFile);
        }
        catch (IOException)
        {
            // Left for the next start's clean-up of the temporary folder.
        }

        return ValueTask.CompletedTask;
    }
}
