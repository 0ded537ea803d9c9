using Cms.Core.Content;

namespace Cms.Workflow.Desk;

/// <summary>The actions the desk's list applies to several items at once; each is the single-item call, item by item.</summary>
public static class BulkActions
{
    public const string Submit = ContentTransitions.Submit;
    public const string Publish = ContentTransitions.Publish;
    public const string Unpublish = ContentTransitions.Unpublish;
    public const string Delete = "delete";

    public static readonly IReadOnlyList<string> All = [Submit, Publish, Unpublish, Delete];
}
