namespace Cms.Core.Content;

/// <summary>
/// The editorial stage of a version. A type without a workflow only uses <see cref="Draft"/> and
/// <see cref="Published"/>; the Editorial workflow adds <see cref="InReview"/> and <see cref="Approved"/>.
/// </summary>
public static class ContentStages
{
    public const string Draft = "Draft";
    public const string InReview = "InReview";
    public const string Approved = "Approved";
    public const string Published = "Published";

    public static readonly IReadOnlyList<string> All = [Draft, InReview, Approved, Published];

    public static bool IsKnown(string? stage) => stage is not null && All.Contains(stage, StringComparer.Ordinal);
}
