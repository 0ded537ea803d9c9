namespace Cms.Data.Entities;

/// <summary>
/// A URL that receives signed content events. The signing secret is kept encrypted with the host's data-protection
/// keys (it must be read back to sign), never in clear text.
/// </summary>
public sealed class WebhookEndpointRecord
{
    public string Id { get; set; } = "";

    public string Url { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>Comma-separated event names: <c>published</c>, <c>unpublished</c>, <c>deleted</c>.</summary>
    public string Events { get; set; } = "";

    /// <summary>Comma-separated content type names; null or empty for every type.</summary>
    public string? ContentTypes { get; set; }

    public bool Enabled { get; set; }

    /// <summary>The secret, encrypted with data protection.</summary>
    public string ProtectedSecret { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public string? CreatedBy { get; set; }

    public DateTime ModifiedUtc { get; set; }
}
