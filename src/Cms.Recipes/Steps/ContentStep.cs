using System.Data.Common;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Cms.Core.Content;
using Cms.Core.Metadata;
using Cms.Core.Queries;
using Cms.Core.Security;
using Cms.Core.Storage;
using Cms.Recipes.Export;
using Microsoft.Extensions.Logging;

namespace Cms.Recipes.Steps;

/// <summary>
/// <c>Content</c>: <c>Data[]</c> holds items in Orchard Core's JSON shape, read one at a time from the file. Items are
/// matched by ContentItemId: a new id creates the item, a changed one gets a new version, an unchanged one is left alone.
/// Each item goes through <see cref="IContentManager.ImportAsync(PreparedContentItem, CancellationToken)"/> (the same
/// checks as a save from the API or the editor), normalized ahead on other threads while the writer works
/// (<see cref="ReadAheadAsync"/>); the step only decides how often the session writes: <see cref="ItemsPerWrite"/> items
/// at a time (<see cref="IUnitOfWork.DeferSaves"/>), with one lookup of the batch's ids and paths
/// (<see cref="IContentStore.ExpectAsync"/>), then it forgets them. The recipe is still all or nothing: a bad item stops
/// the run with its path, and the recipe's transaction rolls back every item before it, written or not.
/// An item may name its owner by user name (<c>OwnerUserName</c>, as exports write it) instead of a user id
/// (<c>Owner</c>): it becomes the id of the user of that name on this site, or the importer when there is none.
/// Exported, the step lists every item's published version and, when a draft is newer, the draft after it.
/// </summary>
public sealed class ContentStep(
    IContentManager contentManager,
    ContentItemNormalizer normalizer,
    IContentDefinitionManager definitions,
    IContentStore store,
    IUserDirectory users,
    IUnitOfWork unitOfWork,
    ILogger<ContentStep> logger) : IRecipeStep, IRecipeExportSource
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
        var set = await definitions.GetAsync(cancellationToken);
        var ahead = Channel.CreateBounded<Task<Entry>>(new BoundedChannelOptions(ItemsPerWrite) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadAheadAsync(context, items, set, ahead.Writer, stop.Token), CancellationToken.None);
        try
        {
            using (unitOfWork.DeferSaves())
            {
                var batch = new List<Entry>(ItemsPerWrite);
                while (await NextBatchAsync(ahead.Reader, batch, cancellationToken))
                {
                    // One query for the batch's ids and one for its paths, instead of two per item.
                    var ready = batch.Select(e => e.Prepared).OfType<PreparedContentItem>().ToList();
                    await store.ExpectAsync(
                        ready.Select(p => p.Item.ContentItemId).ToList(),
                        ready.Select(p => p.LookupPath).OfType<string>().ToList(),
                        cancellationToken);
                    foreach (var entry in batch)
                    {
                        entry.Failure?.Throw();
                        var prepared = entry.Prepared!;
                        if (entry.OwnerName is { } name)
                        {
                            if (!owners.TryGetValue(name, out var ownerId))
                            {
                                owners[name] = ownerId = await users.FindIdByUserNameAsync(name, cancellationToken);
                            }

                            unknownOwners += ownerId is null ? 1 : 0;
                            prepared.Item.Owner = ownerId;
                        }

                        ImportOutcome outcome;
                        try
                        {
                            outcome = await contentManager.ImportAsync(prepared, cancellationToken);
                        }
                        catch (Exception ex) when (ex.GetBaseException() is DbException)
                        {
                            // A lookup wrote the items before this one first (see IUnitOfWork.DeferSaves).
                            throw WriteFailed(context, batch[0].Index, entry.Index, ex);
                        }

                        counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
                    }

                    await WriteAsync(context, batch[0].Index, batch[^1].Index + 1, cancellationToken);
                }
            }
        }
        finally
        {
            // On a failure the reader stops at its next item; either way it is done before the step returns.
            await stop.CancelAsync();
            await reading;
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

    /// <summary>
    /// Reads the items in order and starts each one's preparation (its JSON checked and turned into an item, then
    /// normalized: validation and HTML sanitizing, <see cref="ContentItemNormalizer.PrepareImport"/>) on the thread pool,
    /// so that while one batch is written the next ones are read and cleaned on the other cores. At most
    /// <see cref="ItemsPerWrite"/> items wait ahead of the writer (the channel is bounded), in their order. A problem is
    /// kept with its item and raised when the writer reaches it, after the items before it, as when items were read one
    /// at a time.
    /// </summary>
    private async Task ReadAheadAsync(RecipeStepContext context, IAsyncEnumerable<RecipeItem> items, ContentDefinitionSet set, ChannelWriter<Task<Entry>> ahead, CancellationToken cancellationToken)
    {
        var last = -1;
        try
        {
            await foreach (var item in items.WithCancellation(cancellationToken))
            {
                last = item.Index;

                // Fairness puts each on the pool's common queue, so the oldest item (the one the writer waits for) goes first.
                await ahead.WriteAsync(Task.Factory.StartNew(() => Prepare(context, item, set), cancellationToken, TaskCreationOptions.PreferFairness, TaskScheduler.Default), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The file itself is wrong at this point (not JSON, a bad script): the writer raises it after the items before it.
            try
            {
                await ahead.WriteAsync(Task.FromResult(new Entry(last + 1) { Failure = ExceptionDispatchInfo.Capture(ex) }), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The writer stopped first (its own failure): nobody waits for this one.
            }
        }
        finally
        {
            ahead.TryComplete();
        }
    }

    private Entry Prepare(RecipeStepContext context, RecipeItem entry, ContentDefinitionSet set)
    {
        try
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

            string? ownerName = null;
            if (json[OwnerUserName] is { } owner)
            {
                if (owner is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
                {
                    throw context.Error($"{entry.Path}.{OwnerUserName}", "must be a user name (a string).");
                }

                ownerName = value.GetValue<string>();
            }

            return new Entry(entry.Index) { Prepared = normalizer.PrepareImport(item, set, entry.Path), OwnerName = ownerName };
        }
        catch (Exception ex)
        {
            return new Entry(entry.Index) { Failure = ExceptionDispatchInfo.Capture(ex) };
        }
    }

    /// <summary>The next items in order, up to <see cref="ItemsPerWrite"/>, ending early at one that failed; false when none are left.</summary>
    private static async Task<bool> NextBatchAsync(ChannelReader<Task<Entry>> ahead, List<Entry> batch, CancellationToken cancellationToken)
    {
        batch.Clear();
        while (batch.Count < ItemsPerWrite && await ahead.WaitToReadAsync(cancellationToken))
        {
            while (batch.Count < ItemsPerWrite && ahead.TryRead(out var next))
            {
                var entry = await next;
                batch.Add(entry);
                if (entry.Failure is not null)
                {
                    return true;
                }
            }
        }

        return batch.Count > 0;
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

    /// <summary>One item as the writer gets it: prepared, or the problem to raise when the writer reaches it.</summary>
    private sealed record Entry(int Index)
    {
        public PreparedContentItem? Prepared { get; init; }

        public string? OwnerName { get; init; }

        public ExceptionDispatchInfo? Failure { get; init; }
    }

    private static RecipeException WriteFailed(RecipeStepContext context, int first, int last, Exception ex) =>
        context.Error($"Data[{first}:{last + 1}]", $"the database refused to write items {first} to {last}: {ex.GetBaseException().Message}", ex);
}
