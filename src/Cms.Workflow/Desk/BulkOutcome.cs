namespace Cms.Workflow.Desk;

/// <summary>
/// What a bulk action did to one item: done, or refused with the status the API would have answered (403 not allowed,
/// 404 not found, 409 not from this stage or changed meanwhile, 400 invalid) and the reason.
/// </summary>
public sealed record BulkOutcome(string ContentItemId, string? Title, bool Succeeded, int Status, string? Reason);
