namespace Cms.Core.Content;

/// <summary>The answer of a path check: the path (normalized or generated), whether a save may use it, and why not.</summary>
public sealed record PathCheck(string Path, bool Available, string? Message);
