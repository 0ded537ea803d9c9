namespace Cms.Media.Library;

/// <summary>A page of the library: an optional folder (exact), a search in names, alt texts and captions, a sort and paging.</summary>
public sealed record MediaQuery
{
    public const int MaxTake = 200;

    public string? Folder { get; init; }
    public string? Search { get; init; }
    public MediaSort Sort { get; init; } = MediaSort.Newest;
    public int Skip { get; init; }
    public int Take { get; init; } = 50;
}
