namespace Cms.Admin.Services;

/// <summary>
/// What the admin pages need to manage API clients (OpenID Connect applications). Secrets are stored hashed:
/// the plain secret exists only in the result of <see cref="CreateAsync"/> and <see cref="RotateSecretAsync"/>.
/// </summary>
public interface IAdminClients
{
    Task<IReadOnlyList<AdminClientDetails>> ListAsync(CancellationToken cancellationToken = default);

    Task<AdminClientDetails?> FindAsync(string clientId, CancellationToken cancellationToken = default);

    /// <summary>Creates the client; the value is its plain secret (null for a public client).</summary>
    Task<AdminResult<string?>> CreateAsync(AdminClientInput input, CancellationToken cancellationToken = default);

    /// <summary>Changes everything but the client id and type.</summary>
    Task<AdminResult> UpdateAsync(string clientId, AdminClientInput input, CancellationToken cancellationToken = default);

    /// <summary>Replaces a confidential client's secret; the value is the new plain secret.</summary>
    Task<AdminResult<string>> RotateSecretAsync(string clientId, CancellationToken cancellationToken = default);

    Task<AdminResult> DeleteAsync(string clientId, CancellationToken cancellationToken = default);
}
