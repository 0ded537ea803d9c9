using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.Chunkers;
using JsonDiffPatchDotNet;
using Newtonsoft.Json.Linq;

namespace Cms.Workflow.History;

/// <summary>
/// Compares the parts of two versions field by field: JsonDiffPatch finds what changed and how lists changed;
/// DiffPlex makes the readable word diff of text and HTML (tags dropped, block ends kept as line breaks).
/// </summary>
public static partial class VersionDiffer
{
    private static readonly string[] TextKeys = ["Text", "Html", "Title", "Path", "Markdown"];

    public static IReadOnlyList<FieldChange> Diff(JsonObject from, JsonObject to)
    {
        var patch = new JsonDiffPatch();
        var changes = new List<FieldChange>();
        foreach (var part in from.Select(p => p.Key).Union(to.Select(p => p.Key)).Order(StringComparer.Ordinal))
        {
            var before = from[part] as JsonObject ?? [];
            var after = to[part] as JsonObject ?? [];
            foreach (var field in before.Select(p => p.Key).Union(after.Select(p => p.Key)).Order(StringComparer.Ordinal))
            {
                var delta = patch.Diff(ToToken(before[field]), ToToken(after[field]));
                if (delta is null)
                {
                    continue;
                }

                changes.Add(Describe(part, field, before[field], after[field], delta));
            }
        }

        return changes;
    }

    private static FieldChange Describe(string part, string field, JsonNode? before, JsonNode? after, JToken delta)
    {
        var path = $"{part}.{field}";
        if (TextOf(before, field) is { } oldText && TextOf(after, field) is { } newText)
        {
            return new FieldChange(path, "text") { Words = WordDiff(oldText.Value, newText.Value, oldText.Html || newText.Html) };
        }

        if (ListsOf(delta) is { } lists)
        {
            return new FieldChange(path, "list") { Added = lists.Added, Removed = lists.Removed };
        }

        return new FieldChange(path, "value") { Before = before?.ToJsonString(), After = after?.ToJsonString() };
    }

    /// <summary>
    /// A string field (HTML when the property is named <c>Html</c>, as <c>HtmlBodyPart.Html</c>), or an object whose one
    /// text property holds it (<c>{ "Text": … }</c>, <c>{ "Html": … }</c>).
    /// </summary>
    private static (string Value, bool Html)? TextOf(JsonNode? node, string name)
    {
        switch (node)
        {
            case null:
                return ("", false);
            case JsonValue value when value.TryGetValue<string>(out var text):
                return (text, name == "Html");
            case JsonObject obj when obj.Count <= 1:
                var key = obj.Select(p => p.Key).FirstOrDefault();
                if (key is null)
                {
                    return ("", false);
                }

                return TextKeys.Contains(key, StringComparer.Ordinal) && obj[key] is JsonValue v && v.TryGetValue<string>(out var inner)
                    ? (inner, key == "Html")
                    : null;
            default:
                return null;
        }
    }

    /// <summary>For fields that are lists (ids, paths, tags), or objects of lists: what the JSON delta says was added and removed.</summary>
    private static (List<string> Added, List<string> Removed)? ListsOf(JToken delta)
    {
        var added = new List<string>();
        var removed = new List<string>();
        return CollectArrayChanges(delta, added, removed) ? (added, removed) : null;
    }

    private static bool CollectArrayChanges(JToken delta, List<string> added, List<string> removed)
    {
        if (delta is not JObject obj)
        {
            return false;
        }

        if (obj.Value<string>("_t") == "a")
        {
            foreach (var (key, change) in obj)
            {
                if (key == "_t" || change is not JArray entry)
                {
                    continue;
                }

                // JsonDiffPatch's array delta: "n": [value] is an insert, "_n": [value, 0, 0] a removal, "_n": ["", to, 3] a move.
                if (!key.StartsWith('_') && entry.Count == 1)
                {
                    added.Add(Plain(entry[0]));
                }
                else if (key.StartsWith('_') && entry.Count == 3 && entry[2].Type == JTokenType.Integer && entry[2].Value<int>() == 0)
                {
                    removed.Add(Plain(entry[0]));
                }
                else if (!key.StartsWith('_') && entry.Count == 2)
                {
                    removed.Add(Plain(entry[0]));
                    added.Add(Plain(entry[1]));
                }
            }

            return true;
        }

        var any = false;
        foreach (var (_, change) in obj)
        {
            if (change is JObject nested && CollectArrayChanges(nested, added, removed))
            {
                any = true;
            }
            else if (change is JArray { Count: 2 } replaced && replaced[0].Type == JTokenType.Array && replaced[1].Type == JTokenType.Array)
            {
                removed.AddRange(replaced[0].Select(Plain));
                added.AddRange(replaced[1].Select(Plain));
                any = true;
            }
            else if (change is JArray { Count: 1 } inserted && inserted[0].Type == JTokenType.Array)
            {
                added.AddRange(inserted[0].Select(Plain));
                any = true;
            }
            else if (change is JArray { Count: 3 } deleted && deleted[0].Type == JTokenType.Array)
            {
                removed.AddRange(deleted[0].Select(Plain));
                any = true;
            }
            else
            {
                return false;
            }
        }

        return any;
    }

    private static List<WordChange> WordDiff(string before, string after, bool html)
    {
        var oldText = html ? PlainText(before) : before;
        var newText = html ? PlainText(after) : after;
        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, new DelimiterChunker([' ', '\n']));
        var oldWords = result.PiecesOld;
        var newWords = result.PiecesNew;
        var changes = new List<WordChange>();
        var oldIndex = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(changes, "equal", oldWords, oldIndex, block.DeleteStartA - oldIndex);
            Add(changes, "deleted", oldWords, block.DeleteStartA, block.DeleteCountA);
            Add(changes, "inserted", newWords, block.InsertStartB, block.InsertCountB);
            oldIndex = block.DeleteStartA + block.DeleteCountA;
        }

        Add(changes, "equal", oldWords, oldIndex, oldWords.Count - oldIndex);
        return changes;
    }

    private static void Add(List<WordChange> changes, string op, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count <= 0)
        {
            return;
        }

        var text = string.Concat(pieces.Skip(start).Take(count));
        if (changes.Count > 0 && changes[^1].Op == op)
        {
            changes[^1] = changes[^1] with { Text = changes[^1].Text + text };
        }
        else
        {
            changes.Add(new WordChange(op, text));
        }
    }

    private static string PlainText(string html)
    {
        var withBreaks = BlockEnd().Replace(html, "\n");
        return WebUtility.HtmlDecode(Tag().Replace(withBreaks, "")).Trim();
    }

    private static string Plain(JToken token) => token.Type == JTokenType.String ? token.Value<string>() ?? "" : token.ToString(Newtonsoft.Json.Formatting.None);

    private static JToken ToToken(JsonNode? node) => node is null ? JValue.CreateNull() : JToken.Parse(node.ToJsonString());

    [GeneratedRegex(@"</(p|h[1-6]|li|blockquote|div)>|<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
