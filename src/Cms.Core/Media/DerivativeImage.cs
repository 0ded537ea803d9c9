namespace Cms.Core.Media;

/// <summary>A signed derivative URL (relative to the media root) and the size it renders.</summary>
public sealed record DerivativeImage(string Url, int Width, int Height);
