namespace Cms.Media.Api;

/// <summary>One profile's derivative of a file, as the crop editor previews it.</summary>
public sealed record ProfileDerivative(string Profile, int Width, int Height, string Mode, string Url, bool CustomCrop);
