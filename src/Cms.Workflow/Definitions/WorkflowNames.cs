namespace Cms.Workflow.Definitions;

/// <summary>The workflows a content type can follow.</summary>
public static class WorkflowNames
{
    /// <summary>Draft → In review → Approved → Published, with review permissions.</summary>
    public const string Editorial = "Editorial";

    /// <summary>No review: a draft is published by whoever may publish it. Types without a workflow follow it.</summary>
    public const string Direct = "Direct";

    public static readonly IReadOnlyList<string> All = [Editorial, Direct];
}
