using Cms.Core.Content;
using Microsoft.AspNetCore.Authorization;

namespace Cms.Security.Permissions;

/// <summary>Decides <see cref="ContentPermissionRequirement"/> for one content item, honouring "Own" permissions.</summary>
public sealed class ContentItemAuthorizationHandler(IPermissionService permissions) : AuthorizationHandler<ContentPermissionRequirement, ContentItem>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ContentPermissionRequirement requirement, ContentItem resource)
    {
        if (await permissions.IsAllowedAsync(context.User, requirement.Action, resource))
        {
            context.Succeed(requirement);
        }
    }
}
