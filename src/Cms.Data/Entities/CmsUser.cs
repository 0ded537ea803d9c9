using Microsoft.AspNetCore.Identity;

namespace Cms.Data.Entities;

/// <summary>A person who signs in to the admin.</summary>
public sealed class CmsUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>A disabled user cannot sign in, and their cookies and tokens stop working on the next request.</summary>
    public bool IsEnabled { get; set; } = true;

    public DateTime CreatedUtc { get; set; }
}
