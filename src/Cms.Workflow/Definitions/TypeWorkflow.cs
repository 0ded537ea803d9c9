namespace Cms.Workflow.Definitions;

/// <summary>
/// The workflow of one content type. <see cref="AllowDirectPublish"/> lets holders of <c>Publish_{Type}</c> publish
/// (or schedule) an Editorial item from Draft or In review without an approval.
/// </summary>
public sealed record TypeWorkflow(string ContentType, string Workflow, bool AllowDirectPublish = false)
{
    public bool IsEditorial => string.Equals(Workflow, WorkflowNames.Editorial, StringComparison.Ordinal);

    public static TypeWorkflow DirectFor(string contentType) => new(contentType, WorkflowNames.Direct);
}
