namespace Cms.Data.Entities;

/// <summary>
/// A share-preview link of one item. Only the SHA-256 of the link's token is kept, so the table cannot be turned
/// back into working links; revocation and expiry live here, so every process agrees on them.
/// </summary>
public sealed class PreviewLinkRecord
{
    /// <summary>The link's public id (for listing and revoking; it opens nothing).</summary>
    public string Id { get; set; } = "";

    public string ContentItemId { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>The user (or client) id of whoever made the link.</summary>
    public string? CreatedBy { get; set; }

    public string? CreatedByName { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }
}
