namespace Cms.Preview.Rendering;

/// <summary>One author of an article: the byline name and the author box (role line, bio as stored, photo).</summary>
public sealed record AuthorView(string Name, string? RoleLine, string? Bio, ImageView? Photo);
