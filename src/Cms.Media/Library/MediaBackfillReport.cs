namespace Cms.Media.Library;

/// <summary>What a backfill did: the files it recorded, those it skipped (and why), and how many already had a record.</summary>
public sealed class MediaBackfillReport
{
    public List<string> Recorded { get; } = [];

    public List<MediaBackfillSkip> Skipped { get; } = [];

    public int AlreadyRecorded { get; set; }
}
