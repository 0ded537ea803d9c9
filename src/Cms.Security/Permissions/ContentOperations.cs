using Cms.Core.Content;

namespace Cms.Security.Permissions;

/// <summary>Ready-made requirements for <c>IAuthorizationService.AuthorizeAsync(user, contentItem, requirement)</c>.</summary>
public static class ContentOperations
{
    public static readonly ContentPermissionRequirement View = new(ContentAction.View);
    public static readonly ContentPermissionRequirement Preview = new(ContentAction.Preview);
    public static readonly ContentPermissionRequirement Edit = new(ContentAction.Edit);
    public static readonly ContentPermissionRequirement Publish = new(ContentAction.Publish);
    public static readonly ContentPermissionRequirement Delete = new(ContentAction.Delete);
}
