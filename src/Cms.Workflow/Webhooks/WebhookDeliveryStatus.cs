namespace Cms.Workflow.Webhooks;

/// <summary>The states of a delivery.</summary>
public static class WebhookDeliveryStatus
{
    public const string Pending = "Pending";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
}
