using System.Collections.Concurrent;
using Cms.Core.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Cms.Security.Permissions;

/// <summary>
/// Every permission name is a policy name (<c>[Authorize(Policy = Permissions.ManageUsers)]</c>,
/// <c>.RequireAuthorization("Edit_Article")</c>), and the content actions <c>View</c>, <c>Preview</c>, <c>Edit</c>,
/// <c>Publish</c>, <c>Delete</c> are resource policies for <c>AuthorizeAsync(user, contentItem, "Edit")</c>.
/// Policies registered by name in <see cref="AuthorizationOptions"/> win.
/// </summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    private readonly ConcurrentDictionary<string, AuthorizationPolicy> _policies = new(StringComparer.Ordinal);

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (await base.GetPolicyAsync(policyName) is { } registered)
        {
            return registered;
        }

        if (Enum.GetNames<ContentAction>().Contains(policyName, StringComparer.Ordinal))
        {
            return _policies.GetOrAdd(policyName, name => new AuthorizationPolicyBuilder()
                .AddRequirements(new ContentPermissionRequirement(Enum.Parse<ContentAction>(name)))
                .Build());
        }

        if (PermissionNames.IsWellFormed(policyName))
        {
            return _policies.GetOrAdd(policyName, name => new AuthorizationPolicyBuilder()
                .AddRequirements(new PermissionRequirement(name))
                .Build());
        }

        return null;
    }
}
