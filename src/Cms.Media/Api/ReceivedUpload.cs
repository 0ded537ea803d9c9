using Microsoft.AspNetCore.Http;

namespace Cms.Media.Api;

/// <summary>An upload read by <see cref="MediaUploadReader"/>: the file in a temporary file, plus the text parts.</summary>
public sealed class ReceivedUpload(string temporaryFolder) : IAsyncDisposable
{
    private string? _path;

    public Stream? File { get; private set; }

    public string FileName { get; set; } = "image";

    public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);

    internal async Task WriteFileAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(temporaryFolder);
        _path = Path.Combine(temporaryFolder, Guid.NewGuid().ToString("N") + ".upload");
        var file = new FileStream(_path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        File = file;
        var buffer = new byte[81920];
        long total = 0;
        int read;
        try
        {
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    throw MediaUploadReader.TooLarge(limit);
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw MediaUploadReader.TooLarge(limit);
        }

        await file.FlushAsync(cancellationToken);
        file.Position = 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (File is not null)
        {
            await File.DisposeAsync();
        }
    }
}
