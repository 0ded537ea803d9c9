namespace Cms.Core.Security;

/// <summary>
/// Endpoint metadata: the endpoint never changes anything, whatever the HTTP method (the GraphQL endpoint, which has
/// no mutations, answers queries sent as POST). A POST to it with the admin cookie needs no antiforgery token. Never
/// put it on an endpoint that writes.
/// </summary>
public sealed class ReadOnlyEndpointMetadata
{
    public static readonly ReadOnlyEndpointMetadata Instance = new();

    private ReadOnlyEndpointMetadata()
    {
    }
}
