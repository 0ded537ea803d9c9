using Microsoft.AspNetCore.Identity;

namespace Cms.Data.Entities;

/// <summary>A role; its permissions are role claims of type <c>Permission</c>, as in Orchard Core.</summary>
public sealed class CmsRole : IdentityRole
{
    public string? Description { get; set; }
}
