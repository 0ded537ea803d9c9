namespace Cms.Data.Entities;

/// <summary>
/// A publish or unpublish planned for a time. The scheduler claims a due row with a conditional update (one winner
/// however many hosts run), then applies it and marks it done in one transaction; a claim whose host died expires
/// and is taken again, and the done-mark checks the claim, so an item is never published twice.
/// </summary>
public sealed class ContentScheduleRecord
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";

    /// <summary>The approved version to publish; an edit since then makes a new version, and this one is skipped.</summary>
    public string ContentItemVersionId { get; set; } = "";

    /// <summary><c>publish</c> or <c>unpublish</c>.</summary>
    public string Action { get; set; } = "";

    public DateTime DueUtc { get; set; }

    /// <summary>Pending, Done, Skipped or Cancelled.</summary>
    public string Status { get; set; } = "Pending";

    public string? ClaimToken { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? CompletedUtc { get; set; }

    /// <summary>Why a schedule was skipped, for the item's owner.</summary>
    public string? Reason { get; set; }
}
