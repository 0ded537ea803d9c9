namespace Cms.Recipes.Tests.Support;

/// <summary>
/// What a recipe can change, in comparable form: row counts of every content table, each version id with its
/// flags, each document with its revision, and the files in the media library.
/// </summary>
public sealed record DatabaseSnapshot(
    int Versions,
    int IndexRows,
    string VersionFlags,
    string Documents,
    string MediaFiles);
