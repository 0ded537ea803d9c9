using Cms.Core.Content;

namespace Cms.Admin.Pages.Admin.Content;

/// <summary>How a stage reads and looks on the content screens (a label and a Bootstrap badge with enough contrast).</summary>
public static class StageBadge
{
    public static string Label(string stage) => stage switch
    {
        ContentStages.InReview => "In review",
        _ => stage,
    };

    public static string CssClass(string stage) => stage switch
    {
        ContentStages.Draft => "text-bg-secondary",
        ContentStages.InReview => "text-bg-warning",
        ContentStages.Approved => "text-bg-info",
        ContentStages.Published => "text-bg-success",
        _ => "text-bg-light border",
    };
}
