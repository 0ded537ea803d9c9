namespace Cms.Preview.Rendering;

/// <summary>An image as a template shows it: a signed crop URL of the media library, its size and texts.</summary>
public sealed record ImageView(string Url, int Width, int Height, string Alt, string? Caption, string? Credit);
