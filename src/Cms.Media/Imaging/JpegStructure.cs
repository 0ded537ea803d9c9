namespace Cms.Media.Imaging;

/// <summary>
/// Whether a JPEG holds nothing but an image: a JFIF header without thumbnail, quantisation and Huffman tables, a
/// restart interval, one frame header (baseline, extended or progressive), its scans and the end-of-image marker as
/// the last two bytes. No EXIF (so no orientation to apply, no GPS), no other application segment, no comment,
/// nothing after the end. Such a file needs no rewriting, and rewriting it would only lose quality again.
/// </summary>
internal static class JpegStructure
{
    private const int Marker = 0xFF;
    private const int StartOfImage = 0xD8;
    private const int EndOfImage = 0xD9;
    private const int StartOfScan = 0xDA;
    private const int App0 = 0xE0;

    // DQT, DHT, DRI and the frame headers SOF0 (baseline), SOF1 (extended), SOF2 (progressive).
    private static readonly HashSet<int> Tables = [0xDB, 0xC4, 0xDD, 0xC0, 0xC1, 0xC2];

    public static bool IsClean(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != Marker || jpeg[1] != StartOfImage)
        {
            return false;
        }

        var position = 2;
        var frames = 0;
        var scans = 0;
        while (position + 1 < jpeg.Length)
        {
            if (jpeg[position] != Marker)
            {
                return false;
            }

            var marker = jpeg[position + 1];
            position += 2;
            if (marker == EndOfImage)
            {
                return position == jpeg.Length && frames == 1 && scans > 0;
            }

            if (position + 2 > jpeg.Length)
            {
                return false;
            }

            var length = (jpeg[position] << 8) | jpeg[position + 1];
            if (length < 2 || position + length > jpeg.Length)
            {
                return false;
            }

            var segment = jpeg.Slice(position + 2, length - 2);
            position += length;
            switch (marker)
            {
                case App0 when segment.Length >= 14 && segment[..5].SequenceEqual("JFIF\0"u8) && segment[12] == 0 && segment[13] == 0 && segment.Length == 14:
                    break;
                case 0xC0 or 0xC1 or 0xC2:
                    frames++;
                    break;
                case StartOfScan:
                    scans++;
                    position = SkipEntropyCodedData(jpeg, position);
                    break;
                default:
                    if (!Tables.Contains(marker))
                    {
                        return false;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>Inside scan data 0xFF is followed by 0x00 (a stuffed byte) or a restart marker; any other marker ends it.</summary>
    private static int SkipEntropyCodedData(ReadOnlySpan<byte> jpeg, int position)
    {
        while (position + 1 < jpeg.Length)
        {
            if (jpeg[position] == Marker && jpeg[position + 1] != 0x00 && jpeg[position + 1] is not (>= 0xD0 and <= 0xD7))
            {
                return position;
            }

            position++;
        }

        return jpeg.Length;
    }
}
