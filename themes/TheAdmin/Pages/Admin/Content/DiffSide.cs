using System.Text;
using System.Text.Encodings.Web;
using Cms.Workflow.History;
using Microsoft.AspNetCore.Html;

namespace Cms.Admin.Pages.Admin.Content;

/// <summary>
/// One field of a comparison laid out side by side: the older version's words (removed ones marked) on the left, the
/// newer version's (added ones marked) on the right. Built from <see cref="VersionDiffer"/>'s changes, nothing more.
/// </summary>
public sealed record DiffSide(string Label, IReadOnlyList<WordChange> Before, IReadOnlyList<WordChange> After)
{
    public static DiffSide From(FieldChange change, string label) => change.Kind switch
    {
        "text" => new DiffSide(
            label,
            [.. (change.Words ?? []).Where(w => w.Op != "inserted")],
            [.. (change.Words ?? []).Where(w => w.Op != "deleted")]),
        "list" => new DiffSide(
            label,
            [.. (change.Removed ?? []).Select(r => new WordChange("deleted", r + "\n"))],
            [.. (change.Added ?? []).Select(a => new WordChange("inserted", a + "\n"))]),
        _ => new DiffSide(
            label,
            change.Before is null ? [] : [new WordChange("deleted", change.Before)],
            change.After is null ? [] : [new WordChange("inserted", change.After)]),
    };

    /// <summary>The words as HTML: removed ones in &lt;del&gt;, added ones in &lt;ins&gt;, each also named for screen readers; all text encoded.</summary>
    public static IHtmlContent Render(IReadOnlyList<WordChange> words)
    {
        var html = new StringBuilder();
        foreach (var word in words)
        {
            var text = HtmlEncoder.Default.Encode(word.Text);
            html.Append(word.Op switch
            {
                "deleted" => $"<del><span class=\"visually-hidden\">[removed: </span>{text}<span class=\"visually-hidden\">]</span></del>",
                "inserted" => $"<ins><span class=\"visually-hidden\">[added: </span>{text}<span class=\"visually-hidden\">]</span></ins>",
                _ => text,
            });
        }

        return new HtmlString(html.ToString());
    }
}
