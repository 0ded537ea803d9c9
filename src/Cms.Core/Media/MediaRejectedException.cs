namespace Cms.Core.Media;

/// <summary>
/// A file or media request that was refused: not an image, too large, too many pixels, in use. Nothing was
/// changed. <see cref="StatusCode"/> is the HTTP answer (400 by default, 413 for a body over the size cap,
/// 409 for a file still in use).
/// </summary>
public sealed class MediaRejectedException : Exception
{
    public MediaRejectedException(string message, int statusCode = 400)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public MediaRejectedException()
        : this("The media file was refused.")
    {
    }

    public MediaRejectedException(string message)
        : this(message, 400)
    {
    }

    public MediaRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 400;
    }

    public int StatusCode { get; }
}
