namespace Cms.Media.Library;

public sealed record MediaFolder(string Path, int FileCount);
