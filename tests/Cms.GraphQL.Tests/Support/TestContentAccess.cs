using Cms.Core.Content;
using Cms.Core.Security;

namespace Cms.GraphQL.Tests.Support;

/// <summary>An <see cref="IContentAccess"/> whose answers each test controls through <see cref="TestGrants"/>.</summary>
public sealed class TestContentAccess(TestGrants grants) : IContentAccess
{
    public ContentActor Actor => grants.UserId is { } id ? new ContentActor(id, id, IsSystem: false) : new ContentActor(null, null, IsSystem: false);

    public Task<bool> IsAllowedAsync(ContentAction action, ContentItem item, CancellationToken cancellationToken = default) =>
        Task.FromResult(grants.IsAllowed(action, item));

    public Task<AccessScope> GetScopeAsync(ContentAction action, string contentType, CancellationToken cancellationToken = default) =>
        Task.FromResult(grants.GetScope(action, contentType));

    public Task<bool> HasPermissionAsync(string permission, CancellationToken cancellationToken = default) =>
        Task.FromResult(grants.HasPermission(permission));
}
