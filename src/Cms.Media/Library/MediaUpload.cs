namespace Cms.Media.Library;

/// <summary>
/// A file to add to the library. <see cref="Content"/> must be seekable (the upload endpoint streams the body into
/// a temporary file first). <see cref="FileName"/> is only a suggestion: the stored name is cleaned and its extension
/// comes from the real format.
/// </summary>
public sealed record MediaUpload(Stream Content, string FileName)
{
    public string? Folder { get; init; }
    public string? AltText { get; init; }
    public string? Caption { get; init; }
    public string? Credit { get; init; }
}
