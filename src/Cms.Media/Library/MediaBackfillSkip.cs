namespace Cms.Media.Library;

/// <summary>A file the backfill left alone, and why.</summary>
public sealed record MediaBackfillSkip(string Path, string Reason);
