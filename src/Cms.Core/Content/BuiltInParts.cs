using System.Text.Json.Nodes;
using Cms.Core.Fields;
using Cms.Core.Html;

namespace Cms.Core.Content;

/// <summary>
/// The parts the engine knows without a definition: TitlePart, AutoroutePart, HtmlBodyPart, PublishLaterPart, and the
/// menu parts (MenuItemsListPart, LinkMenuItemPart, ContentMenuItemPart; their rules are in <see cref="Menus.MenuTree"/>).
/// </summary>
public static class BuiltInParts
{
    public const string TitlePart = "TitlePart";
    public const string AutoroutePart = "AutoroutePart";
    public const string HtmlBodyPart = "HtmlBodyPart";
    public const string PublishLaterPart = "PublishLaterPart";
    public const string MenuItemsListPart = "MenuItemsListPart";
    public const string LinkMenuItemPart = "LinkMenuItemPart";
    public const string ContentMenuItemPart = "ContentMenuItemPart";

    public const int MaxTitleLength = 512;
    public const int MaxPathLength = 512;
    public const int MaxHtmlLength = 2_000_000;

    /// <summary>What a path must look like; the save and the editor's path check say the same.</summary>
    public const string PathFormatMessage = "must be made of lower-case letters, digits, '-' and '/' (e.g. 'articles/grid-upgrade').";

    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        TitlePart, AutoroutePart, HtmlBodyPart, PublishLaterPart, MenuItemsListPart, LinkMenuItemPart, ContentMenuItemPart,
    };

    public static bool IsBuiltIn(string partName) => Names.Contains(partName);

    /// <summary>Checks and cleans a built-in part in place.</summary>
    public static void Normalize(string partName, JsonObject part, string path, IHtmlSanitizerService sanitizer, List<ContentValidationError> errors)
    {
        switch (partName)
        {
            case TitlePart:
                if (!JsonValues.TryString(part["Title"], out var title))
                {
                    errors.Add(new($"{path}.Title", "must be a string."));
                }
                else if (title is { Length: > MaxTitleLength })
                {
                    errors.Add(new($"{path}.Title", $"is longer than {MaxTitleLength} characters."));
                }
                else if (title is not null)
                {
                    part["Title"] = title.Trim();
                }

                break;
            case AutoroutePart:
                if (!JsonValues.TryString(part["Path"], out var route))
                {
                    errors.Add(new($"{path}.Path", "must be a string."));
                }
                else if (!string.IsNullOrEmpty(route))
                {
                    var clean = Slug.NormalizePath(route);
                    if (clean is null || clean.Length > MaxPathLength)
                    {
                        errors.Add(new($"{path}.Path", PathFormatMessage));
                    }
                    else
                    {
                        part["Path"] = clean;
                    }
                }

                break;
            case HtmlBodyPart:
                if (!JsonValues.TryString(part["Html"], out var html))
                {
                    errors.Add(new($"{path}.Html", "must be a string."));
                }
                else if (html is { Length: > MaxHtmlLength })
                {
                    errors.Add(new($"{path}.Html", $"is longer than {MaxHtmlLength} characters."));
                }
                else if (html is not null)
                {
                    part["Html"] = sanitizer.Sanitize(html);
                }

                break;
            case PublishLaterPart:
                if (!JsonValues.TryDate(part["ScheduledPublishUtc"], out var scheduled))
                {
                    errors.Add(new($"{path}.ScheduledPublishUtc", "must be an ISO 8601 date and time."));
                }
                else
                {
                    part["ScheduledPublishUtc"] = scheduled?.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
                }

                break;
            case LinkMenuItemPart:
                Menus.MenuTree.NormalizeLink(part, path, errors);
                break;
            case ContentMenuItemPart:
                Menus.MenuTree.NormalizeContentLink(part, path, errors);
                break;
        }
    }
}
