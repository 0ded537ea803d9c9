using Cms.Core.Media;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Cms.Media.Api;

/// <summary>
/// Reads a <c>multipart/form-data</c> upload as a stream: the <c>file</c> part goes straight to a temporary file
/// (never held in memory), the small text parts (<c>folder</c>, <c>altText</c>, <c>caption</c>, <c>credit</c>) are
/// read as text. The size cap is checked from Content-Length before anything is read, and again while the file
/// streams, both as 413.
/// </summary>
public sealed class MediaUploadReader(Microsoft.Extensions.Options.IOptions<MediaOptions> settings)
{
    // Room for the multipart boundaries, headers and the text parts around the file.
    private const long EnvelopeBytes = 64 * 1024;
    private const int MaxTextBytes = 8 * 1024;

    public async Task<ReceivedUpload> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = settings.Value.MaxUploadBytes;
        if (request.ContentLength is { } length && length > limit + EnvelopeBytes)
        {
            throw TooLarge(limit);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limit + EnvelopeBytes;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            throw new MediaRejectedException("Send the file as multipart/form-data with a 'file' part.", StatusCodes.Status415UnsupportedMediaType);
        }

        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        var received = new ReceivedUpload(settings.Value.TempPath);
        try
        {
            MultipartSection? section;
            while ((section = await ReadSectionAsync(reader, limit, cancellationToken)) is not null)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (name == "file" && disposition.IsFileDisposition())
                {
                    if (received.File is not null)
                    {
                        throw new MediaRejectedException("Send one 'file' part per upload.");
                    }

                    received.FileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "image";
                    await received.WriteFileAsync(section.Body, limit, cancellationToken);
                }
                else if (name is "folder" or "altText" or "caption" or "credit" && !disposition.IsFileDisposition())
                {
                    received.Fields[name] = await ReadTextAsync(section.Body, name, cancellationToken);
                }
            }

            if (received.File is null)
            {
                throw new MediaRejectedException("The upload has no 'file' part.");
            }

            return received;
        }
        catch
        {
            await received.DisposeAsync();
            throw;
        }
    }

    private static async Task<MultipartSection?> ReadSectionAsync(MultipartReader reader, long limit, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(limit);
        }
        catch (IOException e)
        {
            throw new MediaRejectedException($"The multipart body is malformed ({e.Message.TrimEnd('.')}).");
        }
        catch (InvalidDataException e)
        {
            throw new MediaRejectedException($"The multipart body is malformed ({e.Message.TrimEnd('.')}).");
        }
    }

    private static async Task<string> ReadTextAsync(Stream body, string name, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxTextBytes + 1];
        var total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer.AsMemory(total, buffer.Length - total), cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxTextBytes)
            {
                throw new MediaRejectedException($"The '{name}' part is longer than {MaxTextBytes} bytes.");
            }
        }

        return System.Text.Encoding.UTF8.GetString(buffer, 0, total);
    }

    internal static MediaRejectedException TooLarge(long limit) =>
        new($"The file is larger than the upload limit of {limit / (1024.0 * 1024):0.#} MB (Cms:Media:MaxUploadBytes).", StatusCodes.Status413PayloadTooLarge);
}
