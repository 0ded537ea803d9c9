namespace Cms.Workflow.Engine;

/// <summary>
/// A search over the latest versions for the editorial desk: by type, stage, section, byline author, assignee, owner,
/// lateness, planned publishing and title, in one of the <see cref="WorkSort"/> orders.
/// </summary>
public sealed record WorkQuery
{
    public string? ContentType { get; init; }
    public string? Stage { get; init; }

    /// <summary>A section's content item id: items whose section picker (a picker field that allows sections) holds it.</summary>
    public string? Section { get; init; }

    /// <summary>An author's content item id: items whose byline (a picker field that allows authors) holds it.</summary>
    public string? Author { get; init; }

    public bool AssignedToMe { get; init; }
    public bool Mine { get; init; }
    public bool Overdue { get; init; }

    /// <summary>Only items with a pending publish time (in <see cref="ScheduledFromUtc"/>..<see cref="ScheduledBeforeUtc"/> when set).</summary>
    public bool Scheduled { get; init; }

    public DateTime? ScheduledFromUtc { get; init; }
    public DateTime? ScheduledBeforeUtc { get; init; }

    /// <summary>Only items in review of the types the caller may review (approve or send back).</summary>
    public bool ReviewableByMe { get; init; }

    public string? Title { get; init; }
    public WorkSort Sort { get; init; } = WorkSort.Modified;

    /// <summary>Newest, latest or Z first; null takes the sort's natural direction (dates newest first, names A to Z).</summary>
    public bool? Descending { get; init; }

    public int Skip { get; init; }
    public int Take { get; init; } = 20;

    /// <summary>Reads a sort name as a URL carries it (<c>title</c>, <c>modified</c>, ...); empty means the default.</summary>
    public static bool TryParseSort(string? text, out WorkSort sort)
    {
        sort = WorkSort.Modified;
        return string.IsNullOrEmpty(text)
            || (!char.IsAsciiDigit(text[0]) && Enum.TryParse(text, ignoreCase: true, out sort) && Enum.IsDefined(sort));
    }
}
