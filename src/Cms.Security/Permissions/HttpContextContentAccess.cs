using System.Security.Claims;
using Cms.Core.Content;
using Cms.Core.Security;
using Microsoft.AspNetCore.Http;

namespace Cms.Security.Permissions;

/// <summary>
/// The content manager's view of the current caller: the request's user, checked through
/// <see cref="IPermissionService"/>. Without an HTTP request (setup, the <c>recipe run</c> command, background
/// work) the engine acts as the system and everything is allowed.
/// </summary>
public sealed class HttpContextContentAccess(IHttpContextAccessor http, IPermissionService permissions) : IContentAccess
{
    public ContentActor Actor => User is { } user ? user.ToActor(http.HttpContext?.Connection) : ContentActor.System;

    private ClaimsPrincipal? User => http.HttpContext?.User;

    public Task<bool> IsAllowedAsync(ContentAction action, ContentItem item, CancellationToken cancellationToken = default) =>
        User is { } user ? permissions.IsAllowedAsync(user, action, item, cancellationToken) : Task.FromResult(true);

    public Task<AccessScope> GetScopeAsync(ContentAction action, string contentType, CancellationToken cancellationToken = default) =>
        User is { } user ? permissions.GetScopeAsync(user, action, contentType, cancellationToken) : Task.FromResult(AccessScope.All);

    public Task<bool> HasPermissionAsync(string permission, CancellationToken cancellationToken = default) =>
        User is { } user ? permissions.HasPermissionAsync(user, permission, cancellationToken) : Task.FromResult(true);
}
