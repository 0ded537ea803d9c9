using Cms.Core.Content;
using Cms.Core.Fields;
using Cms.Core.Metadata;
using Cms.Core.Queries;
using Cms.GraphQL.Execution;
using Cms.GraphQL.Schema.Fields;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Logging;

namespace Cms.GraphQL.Schema;

/// <summary>
/// Generates the schema from the content definitions, in Orchard Core's shape: a root list field per type
/// (<c>article</c>) with status / where / orderBy / first / skip, a <c>{type}Page</c> field with a total count,
/// <c>contentItem(contentItemId:)</c>, built-in parts as objects, and the fields of collapsed parts directly on the type.
/// </summary>
internal sealed class ContentSchemaFactory(GraphQLFieldKinds fieldKinds, ILogger<ContentSchemaFactory> logger)
{
    // The common columns' where keys, spelled as the field kinds' are (FilterSuffixes).
    private static readonly (string Suffix, FilterOperator Operator, bool Negate)[] EqualityOperators = FilterSuffixes.For(FieldQuery.References.Operators);
    private static readonly (string Suffix, FilterOperator Operator, bool Negate)[] TextOperators = FilterSuffixes.For(FieldQuery.Text.Operators);
    private static readonly (string Suffix, FilterOperator Operator, bool Negate)[] RangeOperators = FilterSuffixes.For(FieldQuery.Range.Operators);

    public ISchema Build(ContentDefinitionSet definitions, CmsGraphQLOptions options) => Build(definitions, options, []);

    public ISchema Build(ContentDefinitionSet definitions, CmsGraphQLOptions options, IReadOnlyList<Core.Media.MediaProfileInfo> mediaProfiles)
    {
        var shared = new SharedTypes(mediaProfiles);
        var allTypes = definitions.Types.Values
            .Where(t => GraphNames.IsValid(t.Name) && !IsReserved(t.Name))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

        // As in Orchard Core, stereotyped types (menu items) get no root field: they are reached through parts and fragments.
        var types = allTypes.Where(t => string.IsNullOrEmpty(t.Settings.Stereotype)).ToList();
        var embedded = allTypes.Where(t => t.Settings.Stereotype == Core.Content.Menus.MenuTree.MenuItemStereotype).ToList();
        var knownTypes = types.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var picker = SharedTypes.PickerType(shared.ContentItem, knownTypes);
        var menuTypes = new MenuTypes(shared.ContentItem, knownTypes);
        var fieldTypes = new GraphQLFieldTypes(shared, picker);
        var partTypes = new Dictionary<string, ObjectGraphType>(StringComparer.Ordinal);
        var schemas = types.Concat(embedded).ToDictionary(t => t.Name, t => new ContentTypeSchema(t, new ObjectGraphType { Name = t.Name, Description = t.DisplayName }), StringComparer.Ordinal);

        foreach (var typeSchema in schemas.Values)
        {
            BuildType(typeSchema, definitions, shared, menuTypes, fieldTypes, partTypes, schemas, options);
        }

        shared.ContentItem.ResolveType = value =>
            value is ContentNode node && schemas.TryGetValue(node.Item.ContentType, out var s) ? s.ObjectType : null;
        menuTypes.MenuItem.ResolveType = shared.ContentItem.ResolveType;

        var query = new ObjectGraphType { Name = "Query" };
        foreach (var typeSchema in schemas.Values.Where(s => knownTypes.Contains(s.Definition.Name)))
        {
            AddRootFields(query, typeSchema, shared, options);
        }

        query.AddField(new FieldType
        {
            Name = "contentItem",
            Description = "One item by id: the published version, or with status LATEST / DRAFT the latest one (needs the preview permission). Null when missing or not visible.",
            ResolvedType = shared.ContentItem,
            Arguments = new QueryArguments(
                new QueryArgument<NonNullGraphType<IdGraphType>> { Name = "contentItemId" },
                new QueryArgument(shared.Status) { Name = "status", DefaultValue = ContentStatus.Published }),
            Resolver = Resolve.Async(async c => await ContentItemResolver.ResolveAsync(c, knownTypes)),
        });
        SiteSchema.AddTo(query, shared);

        if (!query.HasField("search"))
        {
            query.AddField(SearchResolver.Field(shared, options));
        }

        // Names are made here (camelCase fields, AND / OR / NOT kept upper case), so the converter must keep them as they are.
        var schema = new global::GraphQL.Types.Schema { Query = query, Description = "Newsroom content.", NameConverter = global::GraphQL.Conversion.DefaultNameConverter.Instance };
        foreach (var typeSchema in schemas.Values)
        {
            schema.RegisterType(typeSchema.ObjectType);
        }

        schema.Initialize();
        logger.LogInformation("GraphQL schema generated for definitions {Serial}: {Types}", definitions.Serial, string.Join(", ", schemas.Keys));
        return schema;
    }

    private static bool IsReserved(string name) => SiteSchema.IsReserved(name) || name is "Query" or "ContentItem" or "MenuItem" or "SearchHit" or "SearchResults" or "Status" or "OrderByDirection" or "HtmlField" or "LinkField"
        or "MediaField" or "MediaFile" or "MediaAnchor" or "MediaProfile" or "MediaCrop" or "ContentPickerField" or "ContentPickerFieldWhereInput"
        or "TitlePart" or "AutoroutePart" or "HtmlBodyPart" or "PublishLaterPart" or "MenuItemsListPart" or "LinkMenuItemPart" or "ContentMenuItemPart";

    private void BuildType(
        ContentTypeSchema typeSchema,
        ContentDefinitionSet definitions,
        SharedTypes shared,
        MenuTypes menuTypes,
        GraphQLFieldTypes fieldTypes,
        Dictionary<string, ObjectGraphType> partTypes,
        IReadOnlyDictionary<string, ContentTypeSchema> schemas,
        CmsGraphQLOptions options)
    {
        var type = typeSchema.Definition;
        var objectType = typeSchema.ObjectType;
        objectType.IsTypeOf = value => value is ContentNode node && node.Item.ContentType == type.Name;
        foreach (var (name, graphType, description, read) in SharedTypes.CommonFields)
        {
            var resolver = name switch
            {
                "owner" or "author" => Resolve.Async(async c =>
                {
                    var item = ((ContentNode)c.Source!).Item;
                    return await PrivateColumns.MayReadAuthorshipAsync(GraphQLRequestContext.From(c), item, c.CancellationToken) ? read(item) : null;
                }),
                "latest" => Resolve.Async(async c => await PrivateColumns.LatestAsync(GraphQLRequestContext.From(c), (ContentNode)c.Source!, c.CancellationToken)),
                _ => Resolve.Sync(c => read(((ContentNode)c.Source!).Item)),
            };
            objectType.AddField(new FieldType { Name = name, Type = graphType, Description = description, Resolver = resolver });
        }

        AddCommonFilters(typeSchema, shared);
        var names = objectType.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var typePart in type.Parts.OrderBy(p => p.Position))
        {
            var partKey = typePart.Name;
            var fieldName = GraphNames.Camel(partKey);
            if ((shared.BuiltInPart(typePart.PartName) ?? menuTypes.Part(typePart.PartName)) is { } builtIn)
            {
                if (TryClaim(names, fieldName, type.Name))
                {
                    objectType.AddField(new FieldType { Name = fieldName, ResolvedType = builtIn, Resolver = Resolve.Sync(c => new PartSource((ContentNode)c.Source!, partKey)) });
                }

                if (typePart.PartName == BuiltInParts.AutoroutePart)
                {

                    var path = new InputObjectGraphType { Name = type.Name + "AutoroutePartWhereInput" };
                    var keys = new Dictionary<string, WhereKey>(StringComparer.Ordinal);
                    AddFilterFields(path, keys, "path", FilterTarget.For(ContentColumn.Path), typeof(StringGraphType), TextOperators);
                    typeSchema.WhereInput.AddField(new FieldType { Name = fieldName, ResolvedType = path, Description = "Conditions on the URL path." });
                    typeSchema.WhereKeys[fieldName] = new WhereKey.Nested(keys);
                }

                continue;
            }

            if (definitions.FindPart(typePart.PartName) is not { } partDefinition || partDefinition.Fields.Length == 0)
            {
                continue;
            }

            if (typePart.IsCollapsed(type.Name))
            {
                foreach (var field in partDefinition.Fields)
                {
                    var name = GraphNames.Camel(field.Name);
                    if (!GraphNames.IsValid(name) || !TryClaim(names, name, type.Name))
                    {
                        continue;
                    }

                    if (ContentField(field, name, fieldTypes, source: c => new PartSource((ContentNode)c.Source!, partKey)) is { } graphField)
                    {
                        objectType.AddField(graphField);
                    }

                    AddFieldFilters(typeSchema.WhereInput, typeSchema.WhereKeys, typeSchema.OrderByInput, typeSchema.OrderKeys, shared, field, name, partKey);
                }
            }
            else if (GraphNames.IsValid(fieldName) && TryClaim(names, fieldName, type.Name))
            {
                objectType.AddField(new FieldType
                {
                    Name = fieldName,
                    ResolvedType = PartObjectType(partDefinition, fieldTypes, partTypes),
                    Resolver = Resolve.Sync(c => new PartSource((ContentNode)c.Source!, partKey)),
                });
                var partWhere = new InputObjectGraphType { Name = type.Name + GraphNames.PartType(partKey) + "WhereInput" };
                var partKeys = new Dictionary<string, WhereKey>(StringComparer.Ordinal);
                foreach (var field in partDefinition.Fields)
                {
                    var name = GraphNames.Camel(field.Name);
                    if (GraphNames.IsValid(name))
                    {
                        AddFieldFilters(partWhere, partKeys, orderBy: null, orderKeys: null, shared, field, name, partKey);
                    }
                }

                if (partKeys.Count > 0)
                {
                    typeSchema.WhereInput.AddField(new FieldType { Name = fieldName, ResolvedType = partWhere });
                    typeSchema.WhereKeys[fieldName] = new WhereKey.Nested(partKeys);
                }
            }
        }

        // A shortcut for front ends (... on Section { path }), unless the type has a field of that name.
        if (type.Parts.FirstOrDefault(p => p.PartName == BuiltInParts.AutoroutePart) is { } route && names.Add("path"))
        {
            objectType.AddField(new FieldType
            {
                Name = "path",
                Type = typeof(StringGraphType),
                Description = "The item's URL path (the same as autoroutePart.path).",
                Resolver = Resolve.Sync(c => JsonRead.String(((ContentNode)c.Source!).Item.Part(route.Name)?["Path"])),
            });
        }

        var body = type.Parts.FirstOrDefault(p => p.PartName == BuiltInParts.HtmlBodyPart);
        if (body is not null && TryClaim(names, "readingMinutes", type.Name))
        {
            objectType.AddField(new FieldType
            {
                Name = "readingMinutes",
                Description = $"Estimated reading time of the body in minutes ({options.WordsPerMinute} words a minute, at least 1).",
                Type = typeof(NonNullGraphType<IntGraphType>),
                Resolver = Resolve.Sync(c => ReadingTime.Minutes(JsonRead.String(((ContentNode)c.Source!).Item.Part(body.Name)?["Html"]), options.WordsPerMinute)),
            });
        }

        if (Core.Content.Related.RelatedItemsRule.For(type, definitions) is { } related && TryClaim(names, "related", type.Name))
        {
            objectType.AddField(new FieldType
            {
                Name = "related",
                Description = $"Related items: the hand-picked '{related.Picked.Field.DisplayName}' first, topped up with the newest published items "
                    + (related.Group is { } g ? $"with the same '{g.Field.DisplayName}'" : "of the type") + ", never the item itself.",
                ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(objectType))),
                Arguments = new QueryArguments(new QueryArgument<IntGraphType> { Name = "first", DefaultValue = 4, Description = "How many (default 4)." }),
                Resolver = Resolve.Sync(c => RelatedItemsResolver.Resolve(c, related)),
            });
        }

        _ = schemas;
        objectType.AddResolvedInterface(shared.ContentItem);
        if (type.Settings.Stereotype == Core.Content.Menus.MenuTree.MenuItemStereotype)
        {
            if (!objectType.HasField("menuItemsListPart"))
            {
                objectType.AddField(new FieldType { Name = "menuItemsListPart", ResolvedType = menuTypes.MenuItemsListPart, Resolver = Resolve.Sync(_ => null) });
            }

            objectType.AddResolvedInterface(menuTypes.MenuItem);
        }
    }

    private void AddRootFields(ObjectGraphType query, ContentTypeSchema typeSchema, SharedTypes shared, CmsGraphQLOptions options)
    {
        var type = typeSchema.Definition;
        var listName = GraphNames.Camel(type.Name);
        var pageName = listName + "Page";
        if (query.HasField(listName))
        {
            logger.LogWarning("GraphQL: content type {ContentType} has no root field, '{Field}' is taken", type.Name, listName);
            return;
        }

        QueryArguments Arguments() => new(
            new QueryArgument(shared.Status) { Name = "status", DefaultValue = ContentStatus.Published, Description = "Which versions to read (default PUBLISHED)." },
            new QueryArgument(typeSchema.WhereInput) { Name = "where" },
            new QueryArgument(new ListGraphType(new NonNullGraphType(typeSchema.OrderByInput))) { Name = "orderBy", Description = "Sort keys; newest created first when missing." },
            new QueryArgument<IntGraphType> { Name = "first", Description = $"Page size (default {options.DefaultPageSize}, at most {options.MaxPageSize})." },
            new QueryArgument<IntGraphType> { Name = "skip", Description = "Items to skip." });

        query.AddField(new FieldType
        {
            Name = listName,
            Description = $"{type.DisplayName} items.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(typeSchema.ObjectType))),
            Arguments = Arguments(),
            Resolver = Resolve.Async(async c => await ContentListResolver.ResolveAsync(c, typeSchema, page: false)),
        });

        if (query.HasField(pageName) || typeSchema.Definition.Name.EndsWith("Page", StringComparison.Ordinal))
        {
            return;
        }

        var pageType = new ObjectGraphType { Name = type.Name + "Page", Description = $"A page of {type.DisplayName} items with the number of all matches." };
        pageType.AddField(new FieldType
        {
            Name = "totalCount",
            Description = "How many items match in all (counted only when selected).",
            Type = typeof(NonNullGraphType<IntGraphType>),
            Resolver = Resolve.Sync(c => ((ContentPage)c.Source!).TotalCount ?? 0),
        });
        pageType.AddField(new FieldType
        {
            Name = "items",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(typeSchema.ObjectType))),
            Resolver = Resolve.Sync(c => ((ContentPage)c.Source!).Items),
        });
        query.AddField(new FieldType
        {
            Name = pageName,
            Description = $"A page of {type.DisplayName} items and their total count, for paging.",
            ResolvedType = new NonNullGraphType(pageType),
            Arguments = Arguments(),
            Resolver = Resolve.Async(async c => await ContentListResolver.ResolveAsync(c, typeSchema, page: true)),
        });
    }

    private static void AddCommonFilters(ContentTypeSchema typeSchema, SharedTypes shared)
    {
        var where = typeSchema.WhereInput;
        var keys = typeSchema.WhereKeys;
        AddFilterFields(where, keys, "contentItemId", FilterTarget.For(ContentColumn.ContentItemId), typeof(IdGraphType), EqualityOperators);
        AddFilterFields(where, keys, "contentItemVersionId", FilterTarget.For(ContentColumn.ContentItemVersionId), typeof(IdGraphType), EqualityOperators);
        AddFilterFields(where, keys, "displayText", FilterTarget.For(ContentColumn.DisplayText), typeof(StringGraphType), TextOperators);
        AddFilterFields(where, keys, "owner", FilterTarget.For(ContentColumn.Owner), typeof(StringGraphType), TextOperators);
        AddFilterFields(where, keys, "author", FilterTarget.For(ContentColumn.Author), typeof(StringGraphType), TextOperators);
        AddFilterFields(where, keys, "createdUtc", FilterTarget.For(ContentColumn.CreatedUtc), typeof(DateTimeGraphType), RangeOperators);
        AddFilterFields(where, keys, "modifiedUtc", FilterTarget.For(ContentColumn.ModifiedUtc), typeof(DateTimeGraphType), RangeOperators);
        AddFilterFields(where, keys, "publishedUtc", FilterTarget.For(ContentColumn.PublishedUtc), typeof(DateTimeGraphType), RangeOperators);
        where.AddField(new FieldType { Name = "workflow", ResolvedType = shared.WorkflowWhere, Description = "Conditions on the editorial stage of the versions read." });
        var stage = FilterTarget.For(ContentColumn.Stage);
        keys["workflow"] = new WhereKey.Nested(new Dictionary<string, WhereKey>(StringComparer.Ordinal)
        {
            ["stage"] = new WhereKey.Compare(stage, FilterOperator.Equal, Negate: false),
            ["stage_not"] = new WhereKey.Compare(stage, FilterOperator.Equal, Negate: true),
            ["stage_in"] = new WhereKey.Compare(stage, FilterOperator.In, Negate: false),
        });
        foreach (var combinator in new[] { "AND", "OR", "NOT" })
        {
            where.AddField(new FieldType
            {
                Name = combinator,
                ResolvedType = new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(where.Name))),
                Description = combinator switch
                {
                    "AND" => "All of these conditions.",
                    "OR" => "Any of these conditions.",
                    _ => "None of these conditions.",
                },
            });
            keys[combinator] = new WhereKey.Combinator(combinator);
        }

        var orderBy = typeSchema.OrderByInput;
        foreach (var (name, column) in new[]
        {
            ("contentItemId", ContentColumn.ContentItemId), ("contentItemVersionId", ContentColumn.ContentItemVersionId),
            ("displayText", ContentColumn.DisplayText), ("published", ContentColumn.Published), ("latest", ContentColumn.Latest),
            ("createdUtc", ContentColumn.CreatedUtc), ("modifiedUtc", ContentColumn.ModifiedUtc), ("publishedUtc", ContentColumn.PublishedUtc),
            ("owner", ContentColumn.Owner), ("author", ContentColumn.Author),
        })
        {
            orderBy.AddField(new FieldType { Name = name, ResolvedType = shared.Direction });
            typeSchema.OrderKeys[name] = FilterTarget.For(column);
        }
    }

    private void AddFieldFilters(
        InputObjectGraphType where,
        Dictionary<string, WhereKey> keys,
        InputObjectGraphType? orderBy,
        Dictionary<string, FilterTarget>? orderKeys,
        SharedTypes shared,
        ContentPartFieldDefinition field,
        string name,
        string partKey)
    {
        if (keys.ContainsKey(name) || fieldKinds.Find(field.FieldName) is not ({ } kind, { } shape) || !kind.Query.Filterable)
        {
            return;
        }

        if (kind.IndexKind == FieldIndexKind.ContentPicker)
        {
            // References are filtered by the items they point to: { contentItemId, _in, _all, ... }.
            where.AddField(new FieldType { Name = name, ResolvedType = shared.PickerWhere, Description = $"Conditions on the items '{field.DisplayName}' references." });
            keys[name] = new WhereKey.Picker(partKey, field.Name);
            return;
        }

        if (shape.FilterScalar is not { } scalar || kind.IndexKind == FieldIndexKind.None)
        {
            return;
        }

        var target = FilterTarget.For(kind.IndexKind, partKey, field.Name);
        AddFilterFields(where, keys, name, target, scalar, FilterSuffixes.For(kind.Query.Operators));
        if (kind.Query.Sortable && orderBy is not null && orderKeys is not null && !orderKeys.ContainsKey(name))
        {
            orderBy.AddField(new FieldType { Name = name, ResolvedType = shared.Direction, Description = field.DisplayName });
            orderKeys[name] = target;
        }
    }

    private static void AddFilterFields(
        InputObjectGraphType where,
        Dictionary<string, WhereKey> keys,
        string name,
        FilterTarget target,
        Type scalar,
        (string Suffix, FilterOperator Operator, bool Negate)[] operators)
    {
        foreach (var (suffix, op, negate) in operators)
        {
            var key = name + suffix;
            if (keys.ContainsKey(key))
            {
                continue;
            }

            var type = op == FilterOperator.In ? typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(scalar)) : scalar;
            where.AddField(new FieldType { Name = key, Type = type });
            keys[key] = new WhereKey.Compare(target, op, negate);
        }
    }

    private ObjectGraphType PartObjectType(ContentPartDefinition part, GraphQLFieldTypes fieldTypes, Dictionary<string, ObjectGraphType> partTypes)
    {
        if (partTypes.TryGetValue(part.Name, out var existing))
        {
            return existing;
        }

        var type = new ObjectGraphType { Name = GraphNames.PartType(part.Name) };
        partTypes[part.Name] = type;
        foreach (var field in part.Fields)
        {
            var name = GraphNames.Camel(field.Name);
            if (GraphNames.IsValid(name) && !type.HasField(name) && ContentField(field, name, fieldTypes, source: c => (PartSource)c.Source!) is { } graphField)
            {
                type.AddField(graphField);
            }
        }

        return type;
    }

    /// <summary>
    /// The output field for one content field, in its kind's GraphQL shape, reading its value through
    /// <paramref name="source"/>; null (the field is left out) when the kind has no shape.
    /// </summary>
    private FieldType? ContentField(ContentPartFieldDefinition field, string name, GraphQLFieldTypes fieldTypes, Func<IResolveFieldContext, PartSource> source)
    {
        if (fieldKinds.Find(field.FieldName) is not (_, { } shape))
        {
            logger.LogWarning("GraphQL: field {Field} of kind {FieldKind} has no GraphQL shape and is left out", field.Name, field.FieldName);
            return null;
        }

        var key = field.Name;
        if (shape.Scalar is { } scalar && shape.Read is { } read)
        {
            return new FieldType
            {
                Name = name,
                Description = field.DisplayName,
                Type = scalar,
                Resolver = Resolve.Sync(c => read(source(c).Field(key))),
            };
        }

        return shape.Object is { } objectType
            ? new FieldType
            {
                Name = name,
                Description = field.DisplayName,
                ResolvedType = objectType(fieldTypes),
                Resolver = Resolve.Sync(c =>
                {
                    var part = source(c);
                    return part.Field(key) is { } value ? new FieldSource(part.Node, value) : new FieldSource(part.Node, []);
                }),
            }
            : null;
    }

    private bool TryClaim(HashSet<string> names, string name, string typeName)
    {
        if (names.Add(name))
        {
            return true;
        }

        logger.LogWarning("GraphQL: {ContentType} already has a field '{Field}'; the later one is left out", typeName, name);
        return false;
    }
}
