namespace Cms.Media.Imaging;

/// <summary>
/// ImageSharp decodes a JPEG cut off in the middle of its pixel data without complaint (the rest comes out grey),
/// so the gate also asks that the last scan (SOS marker) is followed by an end-of-image marker (EOI). Inside
/// scan data a 0xFF byte is always followed by 0x00 or a restart marker, so an 0xFF 0xD9 there is the real end.
/// </summary>
internal static class JpegCompleteness
{
    public static async Task<bool> HasEndOfImageAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        long position = 0;
        long lastScan = -1;
        long lastEnd = -1;
        var previousWasMarkerPrefix = false;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var b = buffer[i];
                if (previousWasMarkerPrefix)
                {
                    if (b == 0xDA)
                    {
                        lastScan = position + i;
                    }
                    else if (b == 0xD9)
                    {
                        lastEnd = position + i;
                    }
                }

                previousWasMarkerPrefix = b == 0xFF;
            }

            position += read;
        }

        return lastScan >= 0 && lastEnd > lastScan;
    }
}
