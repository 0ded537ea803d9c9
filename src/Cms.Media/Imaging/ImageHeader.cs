namespace Cms.Media.Imaging;

/// <summary>What an image's header says, checked by <see cref="ImageGate"/>: its real format and its size.</summary>
public sealed record ImageHeader(MediaFormat Format, int Width, int Height)
{
    public long Pixels => (long)Width * Height;
}
