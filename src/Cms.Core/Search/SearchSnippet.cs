using System.Net;
using System.Text;

namespace Cms.Core.Search;

/// <summary>
/// Snippets as safe HTML: the database marks each matched word with <see cref="StartMark"/> and <see cref="EndMark"/>
/// (control characters that the search text never holds, see <see cref="SearchDocument"/>); all text is HTML-encoded and
/// only those marks become markup, <c>&lt;mark&gt;</c> and <c>&lt;/mark&gt;</c>.
/// </summary>
public static class SearchSnippet
{
    public const char StartMark = '\u0002';
    public const char EndMark = '\u0003';

    public static string ToHtml(string? marked)
    {
        if (string.IsNullOrEmpty(marked))
        {
            return "";
        }

        var html = new StringBuilder(marked.Length + 32);
        var open = false;
        var start = 0;
        for (var i = 0; i <= marked.Length; i++)
        {
            if (i < marked.Length && marked[i] is not (StartMark or EndMark))
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(marked[start..i]));
            if (i < marked.Length)
            {
                if (marked[i] == StartMark && !open)
                {
                    html.Append("<mark>");
                    open = true;
                }
                else if (marked[i] == EndMark && open)
                {
                    html.Append("</mark>");
                    open = false;
                }
            }

            start = i + 1;
        }

        if (open)
        {
            html.Append("</mark>");
        }

        return html.ToString();
    }
}
