using Cms.Core.Content;
using Microsoft.AspNetCore.Authorization;

namespace Cms.Security.Permissions;

/// <summary>
/// Resource-based: <c>AuthorizeAsync(user, contentItem, ContentOperations.Edit)</c> (or the policy name <c>"Edit"</c>).
/// Granted by <c>Edit_{Type}</c>, or by <c>EditOwn_{Type}</c> when the item's Owner is the caller.
/// </summary>
public sealed class ContentPermissionRequirement(ContentAction action) : IAuthorizationRequirement
{
    public ContentAction Action { get; } = action;

    public override string ToString() => $"Content action '{Action}'";
}
