namespace Cms.Core.Content;

/// <summary>The names of the transitions between stages, as used in URLs (<c>/transitions/request-changes</c>) and the audit trail.</summary>
public static class ContentTransitions
{
    public const string Submit = "submit";
    public const string RequestChanges = "request-changes";
    public const string Approve = "approve";
    public const string Publish = "publish";
    public const string Unpublish = "unpublish";
    public const string Withdraw = "withdraw";

    /// <summary>Sets or clears a publish / unpublish time on an approved version; the stage does not change.</summary>
    public const string Schedule = "schedule";

    public static readonly IReadOnlyList<string> All = [Submit, RequestChanges, Approve, Publish, Unpublish, Withdraw, Schedule];
}
