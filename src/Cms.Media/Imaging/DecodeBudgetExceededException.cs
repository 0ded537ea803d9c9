namespace Cms.Media.Imaging;

/// <summary>A decode asked for more memory than <see cref="MediaOptions.MaxDecodeMegabytes"/> allows.</summary>
internal sealed class DecodeBudgetExceededException(long limitBytes)
    : Exception($"The image needs more than {limitBytes / (1024 * 1024)} MB of memory to decode.");
