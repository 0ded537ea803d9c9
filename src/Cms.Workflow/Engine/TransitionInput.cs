namespace Cms.Workflow.Engine;

/// <summary>
/// A transition asked for by a person or a program: the version they saw, a comment (required to request
/// changes), and for <c>publish</c> an optional time to publish at and to unpublish at.
/// </summary>
public sealed record TransitionInput
{
    public string? ExpectedVersionId { get; init; }
    public string? Comment { get; init; }
    public DateTime? PublishAtUtc { get; init; }
    public DateTime? UnpublishAtUtc { get; init; }
}
