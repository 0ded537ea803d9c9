using Cms.Core.Content;
using Cms.Core.Fields;
using Cms.Core.Metadata;
using Cms.Core.Queries;
using Cms.Core.Security;
using Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cms.Workflow.Editor;

/// <summary>
/// What the editor's widgets search while someone types: items a content picker may reference (by the field's allowed
/// types, through the content manager, so only items the caller may read come back) and tags already in use.
/// </summary>
public sealed class EditorLookups(IContentManager content, IContentAccess access, IContentDefinitionManager definitions, CmsDbContext db)
{
    public const int MaxTake = 50;

    /// <summary>
    /// Items of <paramref name="types"/> whose title contains <paramref name="search"/>, newest first: latest versions
    /// where the caller may preview the types, otherwise published ones.
    /// </summary>
    public async Task<IReadOnlyList<PickerOption>> SearchItemsAsync(IReadOnlyList<string> types, string? search, int take, CancellationToken cancellationToken = default)
    {
        if (take is < 1 or > MaxTake)
        {
            throw new ContentValidationException("$.take", $"must be between 1 and {MaxTake}.");
        }

        var set = await definitions.GetAsync(cancellationToken);
        var wanted = types.Count == 0 ? set.Types.Keys.ToList() : types.Distinct(StringComparer.Ordinal).ToList();
        foreach (var type in wanted)
        {
            if (!set.Types.ContainsKey(type))
            {
                throw new ContentValidationException("$.type", $"unknown content type '{type}'.");
            }
        }

        var filters = new List<ContentFilter> { new ColumnFilter(ContentColumn.ContentType, FilterOperator.In, wanted.ToArray()) };
        if (!string.IsNullOrWhiteSpace(search))
        {
            filters.Add(new ColumnFilter(ContentColumn.DisplayText, FilterOperator.Contains, search.Trim()));
        }

        var query = new ContentQuery
        {
            ContentType = wanted.Count == 1 ? wanted[0] : null,
            Where = filters.Count == 1 ? filters[0] : new AndFilter(filters),
            OrderBy = [ContentSort.By(ContentColumn.ModifiedUtc, descending: true)],
            Take = take,
        };
        ContentQueryResult result;
        try
        {
            result = await content.QueryAsync(query with { Status = ContentStatus.Latest }, cancellationToken);
        }
        catch (ContentAccessDeniedException)
        {
            // No preview of these types: published items are what the caller may reference.
            result = await content.QueryAsync(query with { Status = ContentStatus.Published }, cancellationToken);
        }

        return [.. result.Items.Select(i => new PickerOption(i.ContentItemId, i.ContentType, i.DisplayText, i.Published))];
    }

    /// <summary>Tags of a type's tags field used on published items, starting with <paramref name="prefix"/>, most used first.</summary>
    public async Task<IReadOnlyList<TagSuggestion>> SuggestTagsAsync(string contentType, string partName, string fieldName, string? prefix, int take, CancellationToken cancellationToken = default)
    {
        if (take is < 1 or > MaxTake)
        {
            throw new ContentValidationException("$.take", $"must be between 1 and {MaxTake}.");
        }

        var set = await definitions.GetAsync(cancellationToken);
        var type = set.Types.GetValueOrDefault(contentType) ?? throw new ContentValidationException("$.type", $"unknown content type '{contentType}'.");
        var part = type.FindPart(partName) ?? throw new ContentValidationException("$.part", $"'{contentType}' has no part '{partName}'.");
        var field = set.Parts.GetValueOrDefault(part.PartName)?.FindField(fieldName);
        if (field is null || field.FieldName != new TagsFieldKind().Name)
        {
            throw new ContentValidationException("$.field", $"'{partName}.{fieldName}' is not a tags field of '{contentType}'.");
        }

        if (await access.GetScopeAsync(ContentAction.View, contentType, cancellationToken) == AccessScope.None
            && await access.GetScopeAsync(ContentAction.Edit, contentType, cancellationToken) == AccessScope.None)
        {
            throw new ContentAccessDeniedException(ContentPermissions.Name(ContentAction.View, contentType, own: false), (string?)null);
        }

        var start = (prefix ?? "").Trim().ToLowerInvariant();
        var rows = db.TextFieldIndex.AsNoTracking()
            .Where(t => t.ContentType == contentType && t.PartName == partName && t.FieldName == fieldName && t.Value != null)
            .Join(db.ContentItems.AsNoTracking().Where(i => i.Published), t => t.DocumentId, i => i.Id, (t, i) => t.Value!);
        if (start.Length > 0)
        {
            rows = rows.Where(v => v.StartsWith(start));
        }

        var tags = await rows.GroupBy(v => v)
            .Select(g => new { Tag = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Tag)
            .Take(take)
            .ToListAsync(cancellationToken);
        return [.. tags.Select(t => new TagSuggestion(t.Tag, t.Count))];
    }
}
