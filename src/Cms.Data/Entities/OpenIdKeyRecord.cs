namespace Cms.Data.Entities;

/// <summary>
/// One OpenID Connect signing or encryption key (a PKCS#12 certificate with its private key), shared by every node.
/// <see cref="Generation"/> is unique per purpose, so two nodes that create the same key at the same time cannot both
/// succeed: the loser reads the winner's. <see cref="Data"/> is protected by the data-protection system (whose keys
/// are encrypted with <c>Cms:Keys:CertificatePath</c> when it is set).
/// </summary>
public sealed class OpenIdKeyRecord
{
    public long Id { get; set; }

    /// <summary><c>signing</c> or <c>encryption</c>.</summary>
    public string Purpose { get; set; } = "";

    public int Generation { get; set; }

    public string Data { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime NotAfterUtc { get; set; }
}
