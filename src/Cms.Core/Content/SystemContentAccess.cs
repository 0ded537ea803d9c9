namespace Cms.Core.Content;

/// <summary>The engine acting on its own behalf (setup, recipes from the command line): everything is allowed.</summary>
public sealed class SystemContentAccess : IContentAccess
{
    public ContentActor Actor => ContentActor.System;

    public Task<bool> IsAllowedAsync(ContentAction action, ContentItem item, CancellationToken cancellationToken = default) =>
        Task.FromResult(true);

    public Task<Security.AccessScope> GetScopeAsync(ContentAction action, string contentType, CancellationToken cancellationToken = default) =>
        Task.FromResult(Security.AccessScope.All);

    public Task<bool> HasPermissionAsync(string permission, CancellationToken cancellationToken = default) =>
        Task.FromResult(true);
}
