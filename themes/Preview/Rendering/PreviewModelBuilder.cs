using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Content.Related;
using Cms.Core.Fields;
using Cms.Core.Media;
using Cms.Core.Metadata;
using Cms.Core.Queries;
using Cms.Core.Settings;
using Cms.Core.Storage;
using Cms.GraphQL;
using Cms.Media;
using Microsoft.Extensions.Options;

namespace Cms.Preview.Rendering;

/// <summary>
/// Turns one version (saved or not) into what the templates show. Other items it mentions (section, authors,
/// related and newest articles) are their published versions the reader may view, the rule a front end meets; the
/// related strip is chosen by <see cref="RelatedContent"/> (GraphQL's rule), the reading time by
/// <see cref="ReadingTime"/>, images are the media library's signed crops.
/// </summary>
public sealed class PreviewModelBuilder(
    IContentDefinitionManager definitions,
    IContentStore store,
    IContentAccess access,
    RelatedContent related,
    IMediaDerivatives media,
    ISiteSettingsService site,
    IOptions<MediaOptions> mediaOptions,
    IOptions<CmsGraphQLOptions> graphQLOptions,
    IOptions<PreviewOptions> options)
{
    public const string HeroProfile = "hero";
    public const string RailProfile = "rail";
    public const string CardProfile = "card";

    private Dictionary<string, MediaProfileInfo>? _profiles;
    private TimeZoneInfo? _zone;

    /// <summary>Whether a type is shown as an article: it has a title and an HTML body.</summary>
    public static bool IsStory(ContentTypeDefinition type) => type.HasPart(BuiltInParts.TitlePart) && type.HasPart(BuiltInParts.HtmlBodyPart);

    public async Task<string> SiteNameAsync(CancellationToken cancellationToken) => (await site.GetAsync(cancellationToken)).SiteName;

    /// <summary>The site settings the layout shows (name, tagline, footer).</summary>
    public Task<SiteSettings> SiteAsync(CancellationToken cancellationToken) => site.GetAsync(cancellationToken);

    public async Task<ArticleView> ArticleAsync(ContentItem item, ContentTypeDefinition type, CancellationToken cancellationToken)
    {
        var set = await definitions.GetAsync(cancellationToken);
        var shape = StoryShape.Of(type, set);
        var sectionId = shape.Section is { } sectionField && sectionField.Ids(item) is [var first, ..] ? first : null;
        var authorIds = shape.Authors?.Ids(item) ?? [];
        var section = sectionId is null ? null : FirstOf(await PublishedAsync([sectionId], cancellationToken));
        var authors = await PublishedAsync(authorIds, cancellationToken);
        var relatedItems = await related.GetAsync(item, options.Value.RelatedCount, cancellationToken);
        var newest = await NewestAsync(item, cancellationToken);

        var authorViews = new List<AuthorView>();
        foreach (var author in authors)
        {
            authorViews.Add(await AuthorAsync(author, set, cancellationToken));
        }

        var body = item.Part(type.Parts.First(p => p.PartName == BuiltInParts.HtmlBodyPart).Name)?["Html"] is JsonValue html && html.TryGetValue<string>(out var text) ? text : "";
        var date = item.PublishedUtc ?? item.ModifiedUtc ?? item.CreatedUtc;
        return new ArticleView
        {
            Breadcrumb = section is null ? [] : await BreadcrumbAsync(section, set, cancellationToken),
            Headline = item.DisplayText ?? "",
            Lead = shape.Lead is { } lead ? Text(item.Part(lead.PartKey)?[lead.Field.Name]?["Text"]) : null,
            Authors = authorViews,
            Byline = authorViews.Count == 0 ? await SiteNameAsync(cancellationToken) : JoinNames(authorViews.Select(a => a.Name).ToList()),
            Date = await FormatDateAsync(date, cancellationToken),
            DateIso = date?.ToString("O", CultureInfo.InvariantCulture),
            ReadingMinutes = ReadingTime.Minutes(body, graphQLOptions.Value.WordsPerMinute),
            Cover = shape.Cover is { } cover ? await ImageAsync(item.Part(cover.PartKey)?[cover.Field.Name] as JsonObject, HeroProfile, cancellationToken) : null,
            Body = body,
            Tags = shape.Tags is { } tags ? Strings(item.Part(tags.PartKey)?[tags.Field.Name]?["Tags"]) : [],
            Related = await TeasersAsync(relatedItems, set, CardProfile, cancellationToken),
            Newest = await TeasersAsync(newest, set, RailProfile, cancellationToken),
        };
    }

    public async Task<ItemView> ItemAsync(ContentItem item, ContentTypeDefinition type, Func<string, bool> hasTemplate, CancellationToken cancellationToken)
    {
        var set = await definitions.GetAsync(cancellationToken);
        var fields = new List<FieldView>();
        foreach (var (typePart, field) in set.FieldsOf(type))
        {
            var value = item.Part(typePart.Name)?[field.Name] as JsonObject;
            var template = hasTemplate("fields/" + field.FieldName) ? "fields/" + field.FieldName : "fields/default";
            var view = new FieldView(field.DisplayName, field.FieldName, template, ToPlain(value));
            if (value?["ContentItemIds"] is JsonArray)
            {
                view = view with { Items = [.. (await PublishedAsync(Strings(value["ContentItemIds"]), cancellationToken)).Select(i => i.DisplayText ?? i.ContentItemId)] };
            }
            else if (value?["Paths"] is JsonArray && await ImageAsync(value, CardProfile, cancellationToken) is { } image)
            {
                view = view with { Images = [image] };
            }

            fields.Add(view);
        }

        var bodyPart = type.Parts.FirstOrDefault(p => p.PartName == BuiltInParts.HtmlBodyPart);
        var body = bodyPart is null ? null : Text(item.Part(bodyPart.Name)?["Html"]);
        return new ItemView(item.DisplayText ?? item.ContentItemId, type.DisplayName, body, fields);
    }

    private async Task<AuthorView> AuthorAsync(ContentItem author, ContentDefinitionSet set, CancellationToken cancellationToken)
    {
        string? roleLine = null;
        string? bio = null;
        ImageView? photo = null;
        if (set.FindType(author.ContentType) is { } type)
        {
            foreach (var (typePart, field) in set.FieldsOf(type))
            {
                var value = author.Part(typePart.Name)?[field.Name] as JsonObject;
                if (field.FieldName == "TextField" && roleLine is null)
                {
                    roleLine = Text(value?["Text"]);
                }
                else if (field.FieldName == "HtmlField" && bio is null)
                {
                    bio = Text(value?["Html"]);
                }
                else if (field.FieldName == "MediaField" && photo is null)
                {
                    photo = await ImageAsync(value, RailProfile, cancellationToken);
                }
            }
        }

        return new AuthorView(author.DisplayText ?? author.ContentItemId, roleLine, bio, photo);
    }

    private async Task<IReadOnlyList<string>> BreadcrumbAsync(ContentItem section, ContentDefinitionSet set, CancellationToken cancellationToken)
    {
        var trail = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = section; current is not null && trail.Count < 6 && seen.Add(current.ContentItemId);)
        {
            trail.Insert(0, current.DisplayText ?? current.ContentItemId);
            var parent = set.FindType(current.ContentType) is { } type ? StoryShape.ParentOf(type, set) : null;
            var parentId = parent is not null && parent.Ids(current) is [var id, ..] ? id : null;
            current = parentId is null ? null : FirstOf(await PublishedAsync([parentId], cancellationToken));
        }

        return trail;
    }

    private async Task<IReadOnlyList<ContentItem>> NewestAsync(ContentItem item, CancellationToken cancellationToken)
    {
        var take = options.Value.NewestCount;
        var page = await store.QueryAsync(new ContentQuery
        {
            ContentType = item.ContentType,
            Status = ContentStatus.Published,
            OrderBy = [ContentSort.By(ContentColumn.PublishedUtc, descending: true)],
            Take = take + 1,
        }, cancellationToken);
        var visible = new List<ContentItem>();
        foreach (var candidate in page.Items.Where(i => i.ContentItemId != item.ContentItemId))
        {
            if (visible.Count < take && await access.IsAllowedAsync(ContentAction.View, candidate, cancellationToken))
            {
                visible.Add(candidate);
            }
        }

        return visible;
    }

    private async Task<IReadOnlyList<TeaserView>> TeasersAsync(IReadOnlyList<ContentItem> items, ContentDefinitionSet set, string profile, CancellationToken cancellationToken)
    {
        var teasers = new List<TeaserView>();
        foreach (var teaser in items)
        {
            var shape = set.FindType(teaser.ContentType) is { } type ? StoryShape.Of(type, set) : null;
            var sectionId = shape?.Section is { } s && s.Ids(teaser) is [var id, ..] ? id : null;
            var section = sectionId is null ? null : FirstOf(await PublishedAsync([sectionId], cancellationToken));
            var image = shape?.Cover is { } cover ? await ImageAsync(teaser.Part(cover.PartKey)?[cover.Field.Name] as JsonObject, profile, cancellationToken) : null;
            var date = teaser.PublishedUtc ?? teaser.CreatedUtc;
            teasers.Add(new TeaserView(teaser.DisplayText ?? teaser.ContentItemId, section?.DisplayText, await FormatDateAsync(date, cancellationToken),
                date?.ToString("O", CultureInfo.InvariantCulture), image));
        }

        return teasers;
    }

    /// <summary>Published versions the reader may view, in the order asked.</summary>
    private async Task<IReadOnlyList<ContentItem>> PublishedAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var found = await store.GetManyAsync(ids, VersionOptions.Published, cancellationToken);
        var result = new List<ContentItem>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (found.TryGetValue(id, out var candidate) && await access.IsAllowedAsync(ContentAction.View, candidate, cancellationToken))
            {
                result.Add(candidate);
            }
        }

        return result;
    }

    /// <summary>The first file of a media value as the profile's signed crop (the field's crop, else the file's, else around the focal point).</summary>
    private async Task<ImageView?> ImageAsync(JsonObject? value, string profileName, CancellationToken cancellationToken)
    {
        var paths = Strings(value?["Paths"]);
        if (paths.Count == 0)
        {
            return null;
        }

        _profiles ??= (await media.GetProfilesAsync(cancellationToken)).ToDictionary(p => p.Name, StringComparer.Ordinal);
        var files = await media.DescribeAsync([paths[0]], cancellationToken);
        if (!files.TryGetValue(paths[0], out var file))
        {
            return null;
        }

        var alt = FirstOf(Strings(value?["MediaTexts"])) ?? file.AltText ?? "";
        var caption = FirstOf(Strings(value?["Captions"])) ?? file.Caption;
        var credit = FirstOf(Strings(value?["Credits"])) ?? file.Credit;
        var root = mediaOptions.Value.RequestPath.TrimEnd('/');
        if (!_profiles.TryGetValue(profileName, out var profile))
        {
            return new ImageView(MediaUrls.Original(root, file.Path), file.Width, file.Height, alt, caption, credit);
        }

        var crop = value?["Crops"] is JsonArray crops && crops.Count > 0 && crops[0]?[profileName] is JsonObject c
            && Number(c["X"]) is { } x && Number(c["Y"]) is { } y && Number(c["Width"]) is { } w && Number(c["Height"]) is { } h
            ? new CropRectangle(x, y, w, h)
            : null;
        var focal = value?["Anchors"] is JsonArray anchors && anchors.Count > 0 && Number(anchors[0]?["X"]) is { } fx && Number(anchors[0]?["Y"]) is { } fy
            ? new FocalPoint(fx, fy)
            : null;
        var derivative = media.Crop(file, profile, crop, focal);
        return new ImageView(root + "/" + derivative.Url, derivative.Width, derivative.Height, alt, caption, credit);
    }

    private async Task<string?> FormatDateAsync(DateTime? utc, CancellationToken cancellationToken)
    {
        if (utc is null)
        {
            return null;
        }

        _zone ??= (await site.GetAsync(cancellationToken)).FindTimeZone();

        return TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc.Value, DateTimeKind.Utc), _zone).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
    }

    private static string JoinNames(List<string> names) => names.Count switch
    {
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };

    private static T? FirstOf<T>(IReadOnlyList<T> list) where T : class => list.Count > 0 ? list[0] : null;

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static double? Number(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : null;

    private static IReadOnlyList<string> Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(Text).Select(s => s ?? "")] : [];

    /// <summary>A JSON value as dictionaries, lists and scalars, which Liquid templates read.</summary>
    private static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => ToPlain(p.Value), StringComparer.Ordinal),
        JsonArray array => array.Select(ToPlain).ToList(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<decimal>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        _ => null,
    };
}
