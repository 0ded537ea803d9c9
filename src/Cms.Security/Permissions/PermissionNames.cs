using System.Text.RegularExpressions;
using Cms.Core.Content;
using Cms.Core.Security;

namespace Cms.Security.Permissions;

/// <summary>
/// The shape of permission names and Orchard Core's implication graph for the per type ones:
/// Publish_T ⇒ Edit_T, PublishOwn_T; PublishOwn_T ⇒ EditOwn_T; Edit_T ⇒ EditOwn_T, View_T, Preview_T;
/// View_T ⇒ ViewOwn_T; Preview_T ⇒ PreviewOwn_T; Delete_T ⇒ DeleteOwn_T; and the workflow's
/// Review_T ⇒ Preview_T, Submit_T; Submit_T ⇒ SubmitOwn_T; and globally ManageMedia ⇒ ManageOwnMedia.
/// </summary>
public static partial class PermissionNames
{
    public const string GlobalGroup = "Global";

    [GeneratedRegex("^(?<action>ListContent|PublishOwn|Publish|EditOwn|Edit|DeleteOwn|Delete|ViewOwn|View|PreviewOwn|Preview|SubmitOwn|Submit|Review)_(?<type>[A-Za-z][A-Za-z0-9_]*)$")]
    private static partial Regex ContentPattern();

    public static bool IsGlobal(string name) => Core.Security.Permissions.Global.Contains(name, StringComparer.Ordinal);

    /// <summary>Splits <c>EditOwn_Article</c> into ("EditOwn", "Article").</summary>
    public static bool TryParseContent(string name, out string action, out string contentType)
    {
        var match = ContentPattern().Match(name);
        action = match.Success ? match.Groups["action"].Value : "";
        contentType = match.Success ? match.Groups["type"].Value : "";
        return match.Success;
    }

    /// <summary>A global name or a well-formed per type name (the type may not exist).</summary>
    public static bool IsWellFormed(string name) => IsGlobal(name) || TryParseContent(name, out _, out _);

    /// <summary>The permissions that <paramref name="name"/> directly includes.</summary>
    public static IEnumerable<string> Implies(string name)
    {
        if (name == Core.Security.Permissions.ManageMedia)
        {
            return [Core.Security.Permissions.ManageOwnMedia];
        }

        if (!TryParseContent(name, out var action, out var type))
        {
            return [];
        }

        return action switch
        {
            "Publish" => [ContentPermissions.Name(ContentAction.Edit, type, false), ContentPermissions.Name(ContentAction.Publish, type, true)],
            "PublishOwn" => [ContentPermissions.Name(ContentAction.Edit, type, true)],
            "Edit" => [ContentPermissions.Name(ContentAction.Edit, type, true), ContentPermissions.Name(ContentAction.View, type, false), ContentPermissions.Name(ContentAction.Preview, type, false)],
            "View" => [ContentPermissions.Name(ContentAction.View, type, true)],
            "Preview" => [ContentPermissions.Name(ContentAction.Preview, type, true)],
            "Delete" => [ContentPermissions.Name(ContentAction.Delete, type, true)],
            "Review" => [ContentPermissions.Name(ContentAction.Preview, type, false), ContentPermissions.Name(ContentAction.Submit, type, false)],
            "Submit" => [ContentPermissions.Name(ContentAction.Submit, type, true)],
            _ => [],
        };
    }

    /// <summary>The permissions that directly include <paramref name="name"/>.</summary>
    public static IReadOnlyList<string> ImpliedBy(string name)
    {
        if (IsGlobal(name))
        {
            return [.. Core.Security.Permissions.Global.Where(c => Implies(c).Contains(name, StringComparer.Ordinal))];
        }

        if (!TryParseContent(name, out var action, out var type))
        {
            return [];
        }

        var candidates = ContentPermissions.ForType(type);
        return [.. candidates.Where(c => Implies(c).Contains(name, StringComparer.Ordinal))];
    }

    /// <summary>The granted permissions plus everything they imply, transitively.</summary>
    public static HashSet<string> Expand(IEnumerable<string> granted)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(granted);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (result.Add(next))
            {
                foreach (var implied in Implies(next))
                {
                    pending.Push(implied);
                }
            }
        }

        return result;
    }
}
