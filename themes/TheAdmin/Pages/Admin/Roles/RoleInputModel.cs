using System.ComponentModel.DataAnnotations;

namespace Cms.Admin.Pages.Admin.Roles;

/// <summary>The role form: the name is read only when editing.</summary>
public sealed class RoleInputModel
{
    [Required(ErrorMessage = "Enter a role name.")]
    [StringLength(64, ErrorMessage = "Use at most 64 characters.")]
    [RegularExpression(@"^[\p{L}\p{N}][\p{L}\p{N} ._-]*$", ErrorMessage = "Use letters, digits, spaces, dots, dashes or underscores.")]
    [Display(Name = "Role name")]
    public string Name { get; set; } = "";

    [StringLength(1024)]
    public string? Description { get; set; }

    public List<string> Permissions { get; set; } = [];
}
