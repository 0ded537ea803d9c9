using Cms.Core.Media;

namespace Cms.Media.Api;

/// <summary>
/// One profile's derivative of a file, as the crop editor previews it. <see cref="Automatic"/> is the part of the image
/// the profile shows with no crop rectangle (fractions), for the focal point asked about or the file's own, so the
/// editor previews automatic crops with the server's rule instead of a copy of it.
/// </summary>
public sealed record ProfileDerivative(string Profile, int Width, int Height, string Mode, string Url, bool CustomCrop, CropRectangle? Automatic = null);
