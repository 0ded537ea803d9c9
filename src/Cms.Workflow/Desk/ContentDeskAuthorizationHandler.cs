using Cms.Core.Metadata;
using Cms.Security.Permissions;
using Microsoft.AspNetCore.Authorization;

namespace Cms.Workflow.Desk;

/// <summary>Decides <see cref="ContentDeskRequirement"/> for the principal being authorized, type by type.</summary>
public sealed class ContentDeskAuthorizationHandler(IPermissionService permissions, IContentDefinitionManager definitions) : AuthorizationHandler<ContentDeskRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ContentDeskRequirement requirement)
    {
        foreach (var type in (await definitions.GetAsync()).Types.Keys)
        {
            if (await ContentDesk.IsOnDeskAsync(action => permissions.GetScopeAsync(context.User, action, type)))
            {
                context.Succeed(requirement);
                return;
            }
        }
    }
}
