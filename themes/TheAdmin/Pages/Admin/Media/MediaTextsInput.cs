using System.ComponentModel.DataAnnotations;

namespace Cms.Admin.Pages.Admin.Media;

/// <summary>The texts of a file as the details panel edits them; the limits are checked by the media library.</summary>
public sealed class MediaTextsInput
{
    [Display(Name = "Alt text")]
    public string? AltText { get; set; }

    public string? Caption { get; set; }

    public string? Credit { get; set; }
}
