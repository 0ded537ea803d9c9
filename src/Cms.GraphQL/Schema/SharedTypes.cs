using Cms.Core.Content;
using Cms.Core.Media;
using Cms.Core.Queries;
using Cms.GraphQL.Execution;
using GraphQL;
using GraphQL.Types;

namespace Cms.GraphQL.Schema;

/// <summary>The types every generated schema has: the item interface, built-in parts, field value types, enums.</summary>
internal sealed class SharedTypes
{
    /// <summary>The common item fields (Orchard Core's ContentItem interface).</summary>
    public static readonly IReadOnlyList<(string Name, Type Type, string Description, Func<ContentItem, object?> Read)> CommonFields =
    [
        ("contentItemId", typeof(NonNullGraphType<IdGraphType>), "The item's id, the same for all its versions.", i => i.ContentItemId),
        ("contentItemVersionId", typeof(NonNullGraphType<IdGraphType>), "This version's id.", i => i.ContentItemVersionId),
        ("contentType", typeof(NonNullGraphType<StringGraphType>), "The content type's technical name.", i => i.ContentType),
        ("displayText", typeof(StringGraphType), "The title shown in lists.", i => i.DisplayText),
        ("published", typeof(NonNullGraphType<BooleanGraphType>), "Whether this version is the published one.", i => i.Published),
        ("latest", typeof(NonNullGraphType<BooleanGraphType>), "Whether this version is the latest one the caller may know of (pending drafts count only for callers who may preview them).", i => i.Latest),
        ("createdUtc", typeof(DateTimeGraphType), "When the item was created.", i => i.CreatedUtc),
        ("modifiedUtc", typeof(DateTimeGraphType), "When this version was last saved.", i => i.ModifiedUtc),
        ("publishedUtc", typeof(DateTimeGraphType), "When this version was published.", i => i.PublishedUtc),
        ("owner", typeof(StringGraphType), "The user id of the item's creator; null unless the caller may edit the item. The public byline is the item's authors.", i => i.Owner),
        ("author", typeof(StringGraphType), "The user name of whoever saved this version; null unless the caller may edit the item.", i => i.Author),
    ];

    public SharedTypes()
        : this([])
    {
    }

    public SharedTypes(IReadOnlyList<MediaProfileInfo> mediaProfiles)
    {
        Status = new EnumerationGraphType { Name = "Status", Description = "Which versions a list reads." };
        Status.Add("PUBLISHED", ContentStatus.Published, "The published version of each item (the default).");
        Status.Add("DRAFT", ContentStatus.Draft, "The latest version where it is not published. Needs the preview permission.");
        Status.Add("LATEST", ContentStatus.Latest, "The latest version of each item, published or not. Needs the preview permission.");
        Status.Add("ALL", ContentStatus.All, "Every version of every item. Needs the preview permission.");

        Direction = new EnumerationGraphType { Name = "OrderByDirection" };
        Direction.Add("ASC", SortDirection.Ascending, "Smallest first.");
        Direction.Add("DESC", SortDirection.Descending, "Largest first.");

        ContentItem = new InterfaceGraphType { Name = "ContentItem", Description = "Any content item; use fragments (... on Author) for a type's own fields." };
        foreach (var (name, type, description, read) in CommonFields)
        {
            ContentItem.AddField(new FieldType { Name = name, Type = type, Description = description });
        }

        TitlePart = PartType("TitlePart", "The item's title.", ("title", typeof(StringGraphType), p => JsonRead.String(p.Part?["Title"])));
        AutoroutePart = PartType("AutoroutePart", "The item's URL path.", ("path", typeof(StringGraphType), p => JsonRead.String(p.Part?["Path"])));
        HtmlBodyPart = PartType("HtmlBodyPart", "The item's body, sanitized HTML.", ("html", typeof(StringGraphType), p => JsonRead.String(p.Part?["Html"])));
        PublishLaterPart = PartType("PublishLaterPart", "Scheduled publishing.", ("scheduledPublishUtc", typeof(DateTimeGraphType), p => JsonRead.Date(p.Part?["ScheduledPublishUtc"])));

        HtmlField = new ObjectGraphType { Name = "HtmlField", Description = "Sanitized HTML." };
        HtmlField.AddField(new FieldType { Name = "html", Type = typeof(StringGraphType), Resolver = Resolve.Field(f => JsonRead.String(f.Value["Html"])) });

        LinkField = new ObjectGraphType { Name = "LinkField", Description = "A link with its text." };
        LinkField.AddField(new FieldType { Name = "url", Type = typeof(StringGraphType), Resolver = Resolve.Field(f => JsonRead.String(f.Value["Url"])) });
        LinkField.AddField(new FieldType { Name = "text", Type = typeof(StringGraphType), Resolver = Resolve.Field(f => JsonRead.String(f.Value["Text"])) });

        MediaAnchor = new ObjectGraphType { Name = "MediaAnchor", Description = "A focal point: X from the left, Y from the top, each 0 to 1." };
        MediaAnchor.AddField(new FieldType { Name = "x", Type = typeof(NonNullGraphType<FloatGraphType>), Resolver = Resolve.Sync(c => ((MediaAnchor)c.Source!).X) });
        MediaAnchor.AddField(new FieldType { Name = "y", Type = typeof(NonNullGraphType<FloatGraphType>), Resolver = Resolve.Sync(c => ((MediaAnchor)c.Source!).Y) });

        MediaFile = new ObjectGraphType { Name = "MediaFile", Description = "One file of a media field." };
        MediaFile.AddField(new FieldType { Name = "path", Type = typeof(NonNullGraphType<StringGraphType>), Description = "Path in the media library.", Resolver = Resolve.Sync(c => ((MediaFile)c.Source!).Path) });
        MediaFile.AddField(new FieldType { Name = "fileName", Type = typeof(NonNullGraphType<StringGraphType>), Resolver = Resolve.Sync(c => ((MediaFile)c.Source!).FileName) });
        MediaFile.AddField(new FieldType { Name = "url", Type = typeof(NonNullGraphType<StringGraphType>), Description = "Absolute public URL.", Resolver = Resolve.Sync(c => ((MediaFile)c.Source!).Url) });
        MediaFile.AddField(new FieldType { Name = "mediaText", Type = typeof(StringGraphType), Description = "Alternative text.", Resolver = Resolve.Sync(c => ((MediaFile)c.Source!).MediaText) });
        MediaFile.AddField(new FieldType { Name = "anchor", ResolvedType = MediaAnchor, Description = "Focal point, if set.", Resolver = Resolve.Sync(c => ((MediaFile)c.Source!).Anchor) });
        MediaFile.AddField(new FieldType { Name = "caption", Type = typeof(StringGraphType), Resolver = Resolve.Sync(c => ((MediaFile)c.Source!).Caption) });
        MediaFile.AddField(new FieldType { Name = "credit", Type = typeof(StringGraphType), Resolver = Resolve.Sync(c => ((MediaFile)c.Source!).Credit) });

        AddLibraryFields(mediaProfiles);

        MediaField = new ObjectGraphType { Name = "MediaField", Description = "Images or files from the media library, as parallel lists or as files." };
        MediaField.AddField(new FieldType { Name = "paths", Type = typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>), Resolver = Resolve.Field(f => JsonRead.Strings(f.Value["Paths"])) });
        MediaField.AddField(new FieldType
        {
            Name = "urls",
            Type = typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>),
            Description = "Absolute public URLs, in the order of paths.",
            Resolver = Resolve.Sync(c =>
            {
                var field = (FieldSource)c.Source!;
                var baseUrl = GraphQLRequestContext.From(c).MediaBaseUrl;
                return JsonRead.Strings(field.Value["Paths"]).Select(p => MediaPaths.Url(baseUrl, p)).ToList();
            }),
        });
        MediaField.AddField(new FieldType { Name = "mediaTexts", Type = typeof(NonNullGraphType<ListGraphType<StringGraphType>>), Description = "Alternative texts, in the order of paths.", Resolver = Resolve.Field(f => Parallel(f, "MediaTexts")) });
        MediaField.AddField(new FieldType { Name = "anchors", ResolvedType = new NonNullGraphType(new ListGraphType(MediaAnchor)), Description = "Focal points, in the order of paths.", Resolver = Resolve.Field(f => MediaValues.Anchors(f.Value, JsonRead.Strings(f.Value["Paths"]).Count)) });
        MediaField.AddField(new FieldType { Name = "captions", Type = typeof(NonNullGraphType<ListGraphType<StringGraphType>>), Resolver = Resolve.Field(f => Parallel(f, "Captions")) });
        MediaField.AddField(new FieldType { Name = "credits", Type = typeof(NonNullGraphType<ListGraphType<StringGraphType>>), Resolver = Resolve.Field(f => Parallel(f, "Credits")) });
        MediaField.AddField(new FieldType
        {
            Name = "files",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(MediaFile))),
            Resolver = Resolve.Sync(c => MediaValues.Files(((FieldSource)c.Source!).Value, GraphQLRequestContext.From(c).MediaBaseUrl)),
        });

        Stage = new EnumerationGraphType { Name = "WorkflowStage", Description = "The editorial stage of a version." };
        Stage.Add("DRAFT", Core.Content.ContentStages.Draft, "Being written.");
        Stage.Add("IN_REVIEW", Core.Content.ContentStages.InReview, "Submitted, waiting for a reviewer.");
        Stage.Add("APPROVED", Core.Content.ContentStages.Approved, "Approved, waiting to be published (maybe scheduled).");
        Stage.Add("PUBLISHED", Core.Content.ContentStages.Published, "Live.");
        WorkflowWhere = new InputObjectGraphType { Name = "WorkflowWhereInput", Description = "Conditions on the editorial stage (useful with status: LATEST or DRAFT)." };
        WorkflowWhere.AddField(new FieldType { Name = "stage", ResolvedType = Stage, Description = "In this stage." });
        WorkflowWhere.AddField(new FieldType { Name = "stage_not", ResolvedType = Stage, Description = "Not in this stage." });
        WorkflowWhere.AddField(new FieldType { Name = "stage_in", ResolvedType = new ListGraphType(new NonNullGraphType(Stage)), Description = "In any of these stages." });

        PickerWhere = new InputObjectGraphType { Name = "ContentPickerFieldWhereInput", Description = "Conditions on the items a picker references." };
        PickerWhere.AddField(new FieldType { Name = "contentItemId", Type = typeof(IdGraphType), Description = "References this item." });
        PickerWhere.AddField(new FieldType { Name = "contentItemId_not", Type = typeof(IdGraphType), Description = "Does not reference this item." });
        PickerWhere.AddField(new FieldType { Name = "contentItemId_in", Type = typeof(ListGraphType<NonNullGraphType<IdGraphType>>), Description = "References any of these items." });
        PickerWhere.AddField(new FieldType { Name = "contentItemId_not_in", Type = typeof(ListGraphType<NonNullGraphType<IdGraphType>>), Description = "References none of these items." });
        PickerWhere.AddField(new FieldType { Name = "contentItemId_all", Type = typeof(ListGraphType<NonNullGraphType<IdGraphType>>), Description = "References all of these items." });
    }

    public EnumerationGraphType Status { get; }

    /// <summary>Editorial stages, for preview filters (<c>workflow: { stage: IN_REVIEW }</c>).</summary>
    public EnumerationGraphType Stage { get; }

    public InputObjectGraphType WorkflowWhere { get; }

    /// <summary>The crop profiles (HERO, CARD ...), generated from the media profiles; null when there are none.</summary>
    public EnumerationGraphType? MediaProfile { get; private set; }

    public ObjectGraphType? MediaCrop { get; private set; }
    public EnumerationGraphType Direction { get; }
    public InterfaceGraphType ContentItem { get; }
    public ObjectGraphType TitlePart { get; }
    public ObjectGraphType AutoroutePart { get; }
    public ObjectGraphType HtmlBodyPart { get; }
    public ObjectGraphType PublishLaterPart { get; }
    public ObjectGraphType HtmlField { get; }
    public ObjectGraphType LinkField { get; }
    public ObjectGraphType MediaAnchor { get; }
    public ObjectGraphType MediaFile { get; }
    public ObjectGraphType MediaField { get; }
    public InputObjectGraphType PickerWhere { get; }

    /// <summary>
    /// The media file fields that come from the library: pixel size, focal point (the field's, else the file's), and
    /// per profile the signed crop URL and a srcset. Library facts load for every file of a query level at once.
    /// </summary>
    private void AddLibraryFields(IReadOnlyList<MediaProfileInfo> profiles)
    {
        MediaFile.AddField(new FieldType { Name = "width", Type = typeof(IntGraphType), Description = "Width in pixels, from the media library.", Resolver = Resolve.Sync(c => WithFile(c, (_, info) => info?.Width)) });
        MediaFile.AddField(new FieldType { Name = "height", Type = typeof(IntGraphType), Description = "Height in pixels, from the media library.", Resolver = Resolve.Sync(c => WithFile(c, (_, info) => info?.Height)) });
        MediaFile.AddField(new FieldType
        {
            Name = "focalPoint",
            ResolvedType = MediaAnchor,
            Description = "The point crops keep in view: the field's, else the one set in the media library.",
            Resolver = Resolve.Sync(c => WithFile(c, (file, info) => file.Anchor ?? (info is null ? null : new MediaAnchor(info.FocalPoint.X, info.FocalPoint.Y)))),
        });
        if (profiles.Count == 0)
        {
            return;
        }

        MediaProfile = new EnumerationGraphType { Name = "MediaProfile", Description = "A crop profile of the media library." };
        foreach (var profile in profiles)
        {
            MediaProfile.Add(profile.Name.ToUpperInvariant().Replace('-', '_'), profile, $"{profile.Name}: {profile.Width}×{profile.Height}.");
        }

        MediaCrop = new ObjectGraphType { Name = "MediaCrop", Description = "A signed, cacheable derivative of a media file." };
        MediaCrop.AddField(new FieldType { Name = "url", Type = typeof(NonNullGraphType<StringGraphType>), Description = "Absolute URL; it changes when the crop or the file changes.", Resolver = Resolve.Sync(c => ((CropSource)c.Source!).Url) });
        MediaCrop.AddField(new FieldType { Name = "width", Type = typeof(NonNullGraphType<IntGraphType>), Resolver = Resolve.Sync(c => ((CropSource)c.Source!).Image.Width) });
        MediaCrop.AddField(new FieldType { Name = "height", Type = typeof(NonNullGraphType<IntGraphType>), Resolver = Resolve.Sync(c => ((CropSource)c.Source!).Image.Height) });

        var profileArgument = new QueryArguments(new QueryArgument(new NonNullGraphType(MediaProfile)) { Name = "profile", Description = "The crop profile." });
        MediaFile.AddField(new FieldType
        {
            Name = "crop",
            ResolvedType = MediaCrop,
            Arguments = profileArgument,
            Description = "The file cropped for a profile (null for a file not in the media library).",
            Resolver = Resolve.Sync(c => WithFile(c, (file, info) => info is null ? null
                : new CropSource(GraphQLRequestContext.From(c).MediaBaseUrl, GraphQLRequestContext.From(c).Media!.Crop(info, Profile(c), file.Crops.GetValueOrDefault(Profile(c).Name), Focal(file))))),
        });
        MediaFile.AddField(new FieldType
        {
            Name = "srcset",
            Type = typeof(StringGraphType),
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(MediaProfile)) { Name = "profile", Description = "The crop profile." }),
            Description = "An img srcset of the profile's crop at several widths (\"url 320w, url 640w, …\").",
            Resolver = Resolve.Sync(c => WithFile(c, (file, info) => info is null ? null
                : string.Join(", ", GraphQLRequestContext.From(c).Media!.Srcset(info, Profile(c), file.Crops.GetValueOrDefault(Profile(c).Name), Focal(file))
                    .Select(i => $"{CropSource.Absolute(GraphQLRequestContext.From(c).MediaBaseUrl, i.Url)} {i.Width}w")))),
        });
    }

    private static MediaProfileInfo Profile(IResolveFieldContext c) => (MediaProfileInfo)Resolve.Argument(c, "profile")!;

    private static FocalPoint? Focal(MediaFile file) => file.Anchor is { } a ? new FocalPoint(a.X, a.Y) : null;

    private static object? WithFile(IResolveFieldContext c, Func<MediaFile, MediaFileInfo?, object?> next)
    {
        var file = (MediaFile)c.Source!;
        return GraphQLRequestContext.From(c).MediaFiles is { } loader
            ? LoaderResult<object?>.Then(loader.Load(file.Path), info => next(file, info))
            : next(file, null);
    }

    /// <summary>The object type of a built-in part, or null for a part with fields.</summary>
    public ObjectGraphType? BuiltInPart(string partName) => partName switch
    {
        BuiltInParts.TitlePart => TitlePart,
        BuiltInParts.AutoroutePart => AutoroutePart,
        BuiltInParts.HtmlBodyPart => HtmlBodyPart,
        BuiltInParts.PublishLaterPart => PublishLaterPart,
        _ => null,
    };

    /// <summary>The ContentPickerField type: ids, and the items the caller may see.</summary>
    public static ObjectGraphType PickerType(IGraphType contentItem, IReadOnlySet<string> knownTypes)
    {
        var picker = new ObjectGraphType { Name = "ContentPickerField", Description = "References to other items." };
        Func<ContentNode, bool> known = n => knownTypes.Contains(n.Item.ContentType);
        Func<ContentNode, string> id = static n => n.Item.ContentItemId;
        Func<ContentNode, ContentNode> itself = static n => n;
        picker.AddField(new FieldType
        {
            Name = "contentItemIds",
            Type = typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>),
            Description = "The ids of the referenced items the caller may see, in the picked order (the same items as contentItems).",
            Resolver = Resolve.Sync(c =>
            {
                var field = (FieldSource)c.Source!;
                var ids = JsonRead.Strings(field.Value["ContentItemIds"]);
                var loader = GraphQLRequestContext.From(c).Loader.For(field.Node.Preview);
                return loader.LoadFound(ids, known, id);
            }),
        });
        picker.AddField(new FieldType
        {
            Name = "contentItems",
            Description = "The referenced items the caller may see, in the picked order: published ones, or the latest ones inside a preview query.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(contentItem))),
            Resolver = Resolve.Sync(c =>
            {
                var field = (FieldSource)c.Source!;
                var ids = JsonRead.Strings(field.Value["ContentItemIds"]);
                var loader = GraphQLRequestContext.From(c).Loader.For(field.Node.Preview);
                return loader.LoadFound(ids, known, itself);
            }),
        });
        return picker;
    }

    private static List<string?> Parallel(FieldSource field, string name)
    {
        var count = JsonRead.Strings(field.Value["Paths"]).Count;
        var values = field.Value[name];
        var result = new List<string?>(count);
        for (var i = 0; i < count; i++)
        {
            result.Add(JsonRead.StringAt(values, i));
        }

        return result;
    }

    private static ObjectGraphType PartType(string name, string description, (string Name, Type Type, Func<PartSource, object?> Read) field)
    {
        var type = new ObjectGraphType { Name = name, Description = description };
        type.AddField(new FieldType { Name = field.Name, Type = field.Type, Resolver = Resolve.Part(field.Read) });
        return type;
    }
}
