namespace Cms.Media.Library;

public sealed record MediaPage(int TotalCount, IReadOnlyList<MediaItem> Items);
