using System.Text;

namespace Cms.GraphQL.Http;

/// <summary>
/// The cache key form of a query: comments dropped, runs of whitespace and commas (insignificant in GraphQL)
/// outside strings made one space, so formatting differences share one cache entry.
/// </summary>
internal static class QueryNormalizer
{
    public static string Normalize(string query)
    {
        var result = new StringBuilder(query.Length);
        var pendingSpace = false;
        for (var i = 0; i < query.Length; i++)
        {
            var c = query[i];
            if (c == '#')
            {
                while (i < query.Length && query[i] != '\n' && query[i] != '\r')
                {
                    i++;
                }

                pendingSpace = true;
                continue;
            }

            if (char.IsWhiteSpace(c) || c == ',' || c == '\uFEFF')
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace && result.Length > 0)
            {
                result.Append(' ');
            }

            pendingSpace = false;
            if (c == '"')
            {
                var block = i + 2 < query.Length && query[i + 1] == '"' && query[i + 2] == '"';
                var end = block ? query.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal) : StringEnd(query, i + 1);
                end = end < 0 ? query.Length - 1 : block ? end + 2 : end;
                result.Append(query, i, end - i + 1);
                i = end;
                continue;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    private static int StringEnd(string query, int start)
    {
        for (var i = start; i < query.Length; i++)
        {
            if (query[i] == '\\')
            {
                i++;
            }
            else if (query[i] == '"' || query[i] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
