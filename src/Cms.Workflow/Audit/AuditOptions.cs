namespace Cms.Workflow.Audit;

/// <summary><c>Cms:Audit</c>: how long the audit trail keeps its entries.</summary>
public sealed class AuditOptions
{
    public int RetentionDays { get; set; } = 365;
}
