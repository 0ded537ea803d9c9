using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Queries;
using Cms.Core.Security;
using Cms.Core.Storage;
using Cms.Recipes.Export;
using Microsoft.Extensions.Logging;

namespace Cms.Recipes.Steps;

/// <summary>
/// <c>Content</c>: <c>Data[]</c> holds items in Orchard Core's JSON shape, read one at a time from the file. Items are
/// matched by ContentItemId: a new id creates the item, a changed one gets a new version, an unchanged one is left alone.
/// Each item goes through <see cref="IContentManager.ImportAsync"/> (the same checks as a save from the API or the
/// editor); the step only decides how often the session writes: <see cref="ItemsPerWrite"/> items at a time
/// (<see cref="IUnitOfWork.DeferSaves"/>), then it forgets them. The recipe is still all or nothing: a bad item stops
/// the run with its path, and the recipe's transaction rolls back every item before it, written or not.
/// An item may name its owner by user name (<c>OwnerUserName</c>, as exports write it) instead of a user id
/// (<c>Owner</c>): it becomes the id of the user of that name on this site, or the importer when there is none.
/// Exported, the step lists every item's published version and, when a draft is newer, the draft after it.
/// </summary>
public sealed class ContentStep(IContentManager contentManager, IContentStore store, IUserDirectory users, IUnitOfWork unitOfWork, ILogger<ContentStep> logger) : IRecipeStep, IRecipeExportSource
{
    /// <summary>How many items are written in one round of statements (one SaveChanges).</summary>
    public const int ItemsPerWrite = 250;
    public const string OwnerUserName = "OwnerUserName";
    private const int ExportPage = 200;

    public string Name => "Content";

    public string? ItemsProperty => "Data";

    public int Order => RecipeExportOrder.Content;

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (context.Items is not { } items)
        {
            throw context.Error("Data", "the Content step needs a 'Data' array of content items.");
        }

        var counts = new Dictionary<ImportOutcome, int>();
        var owners = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var unknownOwners = 0;
        var firstUnwritten = 0;
        var next = 0;
        using (unitOfWork.DeferSaves())
        {
            await foreach (var entry in items.WithCancellation(cancellationToken))
            {
                if (entry.Json is not JsonObject json)
                {
                    throw context.Error(entry.Path, "a content item must be an object.");
                }

                var item = ContentItemJson.FromJson(json, entry.Path);
                if (string.IsNullOrEmpty(item.ContentType))
                {
                    throw context.Error($"{entry.Path}.ContentType", "is required.");
                }

                if (json[OwnerUserName] is { } ownerName)
                {
                    if (ownerName is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
                    {
                        throw context.Error($"{entry.Path}.{OwnerUserName}", "must be a user name (a string).");
                    }

                    var name = value.GetValue<string>();
                    if (!owners.TryGetValue(name, out var ownerId))
                    {
                        owners[name] = ownerId = await users.FindIdByUserNameAsync(name, cancellationToken);
                    }

                    unknownOwners += ownerId is null ? 1 : 0;
                    item.Owner = ownerId;
                }

                ImportOutcome outcome;
                try
                {
                    outcome = await contentManager.ImportAsync(item, entry.Path, cancellationToken);
                }
                catch (Exception ex) when (ex.GetBaseException() is DbException)
                {
                    // A lookup wrote the items before this one first (see IUnitOfWork.DeferSaves).
                    throw WriteFailed(context, firstUnwritten, entry.Index, ex);
                }

                counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
                next = entry.Index + 1;
                if (next - firstUnwritten >= ItemsPerWrite)
                {
                    await WriteAsync(context, firstUnwritten, next, cancellationToken);
                    firstUnwritten = next;
                }
            }

            await WriteAsync(context, firstUnwritten, next, cancellationToken);
        }

        logger.LogInformation(
            "Content step: {Created} created, {Updated} updated, {Unchanged} unchanged",
            counts.GetValueOrDefault(ImportOutcome.Created),
            counts.GetValueOrDefault(ImportOutcome.Updated),
            counts.GetValueOrDefault(ImportOutcome.Unchanged));
        if (unknownOwners > 0)
        {
            logger.LogWarning("Content step: {Count} items named an owner who is not a user of this site; the importer owns them", unknownOwners);
        }
    }

    public async Task ExportAsync(RecipeExportContext context, CancellationToken cancellationToken)
    {
        var writer = context.Steps;
        writer.WriteStartObject();
        writer.WriteString("name", Name);
        writer.WriteStartArray("Data");
        var written = 0;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var skip = 0; ; skip += ExportPage)
        {
            // Oldest first, so an import creates items in the order they were made (ids are kept, so pickers match either way).
            var page = await store.QueryAsync(new ContentQuery
            {
                Status = ContentStatus.Latest,
                OrderBy = [ContentSort.By(ContentColumn.CreatedUtc), ContentSort.By(ContentColumn.ContentItemId)],
                Skip = skip,
                Take = ExportPage,
            }, cancellationToken);
            var missing = page.Items.Select(i => i.Owner).OfType<string>().Where(o => !names.ContainsKey(o)).Distinct(StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                foreach (var (id, name) in await users.GetUserNamesAsync(missing, cancellationToken))
                {
                    names[id] = name;
                }
            }

            foreach (var latest in page.Items)
            {
                if (!latest.Published && await store.GetAsync(latest.ContentItemId, VersionOptions.Published, cancellationToken) is { } published)
                {
                    Write(writer, published, names);
                    written++;
                }

                Write(writer, latest, names);
                written++;
            }

            await writer.FlushAsync(cancellationToken);
            if (page.Items.Count < ExportPage)
            {
                break;
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        context.CountStreamedStep(written);
    }

    private static void Write(Utf8JsonWriter writer, ContentItem item, Dictionary<string, string> names)
    {
        var json = ContentItemJson.ToJson(item);
        json.Remove("Owner");
        if (item.Owner is not null && names.TryGetValue(item.Owner, out var owner))
        {
            json[OwnerUserName] = owner;
        }

        json.WriteTo(writer);
    }

    /// <summary>Writes the items from <paramref name="first"/> up to <paramref name="end"/>, then forgets them: what a batch loaded is not needed again.</summary>
    private async Task WriteAsync(RecipeStepContext context, int first, int end, CancellationToken cancellationToken)
    {
        try
        {
            await unitOfWork.FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex.GetBaseException() is DbException)
        {
            throw WriteFailed(context, first, end - 1, ex);
        }

        // Keeping them would make every later write of this one long transaction slower (the session would compare ever
        // more records) and the memory grow with the recipe.
        unitOfWork.ForgetSavedContent();
    }

    private static RecipeException WriteFailed(RecipeStepContext context, int first, int last, Exception ex) =>
        context.Error($"Data[{first}:{last + 1}]", $"the database refused to write items {first} to {last}: {ex.GetBaseException().Message}", ex);
}
