using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Cms.Recipes;

/// <summary>
/// Runs a recipe in one transaction: every step or none. Errors name the step index, the JSON path and the problem.
/// The recipe is streamed, never loaded whole: a first pass checks its shape (valid JSON, known step names, no property
/// given twice in different casing) and counts the items, so a bad recipe fails before anything is written; the second
/// pass runs the steps, handing a step that reads items one at a time (<see cref="IRecipeStep.ItemsProperty"/>) one
/// item at a time. So a recipe of any size runs in memory bounded by its largest single item. Once its changes are
/// committed the planner statistics are refreshed, since a recipe may change the shape of the data a lot (an import).
/// </summary>
public sealed class RecipeExecutor(IEnumerable<IRecipeStep> steps, IUnitOfWork unitOfWork, IStoreStatistics statistics, ILogger<RecipeExecutor> logger)
{
    /// <summary>How often <see cref="RecipeProgress"/> is reported while items are read.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = true };

    private readonly Dictionary<string, IRecipeStep> _steps = steps.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    public Task<RecipeResult> ExecuteFileAsync(string file, RecipeParameters parameters, CancellationToken cancellationToken = default) =>
        ExecuteFileAsync(file, parameters, null, cancellationToken);

    /// <summary>Runs the recipe in <paramref name="file"/>, reporting how many items are done to <paramref name="progress"/>.</summary>
    public async Task<RecipeResult> ExecuteFileAsync(string file, RecipeParameters parameters, IProgress<RecipeProgress>? progress, CancellationToken cancellationToken = default)
    {
        var info = new FileInfo(file);
        if (!info.Exists)
        {
            throw new RecipeException(null, "$", $"the recipe file '{file}' does not exist.");
        }

        return await ExecuteAsync(() => new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan), info.DirectoryName!, parameters, progress, cancellationToken);
    }

    public Task<RecipeResult> ExecuteAsync(string json, string baseDirectory, RecipeParameters parameters, CancellationToken cancellationToken = default)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        return ExecuteAsync(() => new MemoryStream(bytes, writable: false), baseDirectory, parameters, null, cancellationToken);
    }

    public Task<RecipeResult> ExecuteAsync(JsonObject recipe, string baseDirectory, RecipeParameters parameters, CancellationToken cancellationToken = default) =>
        ExecuteAsync(recipe.ToJsonString(), baseDirectory, parameters, cancellationToken);

    /// <summary>Runs the recipe that <paramref name="open"/> reads (it is opened twice: once to check it, once to run it).</summary>
    public async Task<RecipeResult> ExecuteAsync(Func<Stream> open, string baseDirectory, RecipeParameters parameters, IProgress<RecipeProgress>? progress, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        RecipePlan plan;
        await using (var stream = open())
        {
            plan = await PlanAsync(new RecipeJsonReader(stream), cancellationToken);
        }

        var items = plan.Steps.Sum(s => Math.Max(0, s.Items));
        logger.LogInformation("Running recipe {Recipe}: {Steps} steps, {Items} content items", plan.Name, plan.Steps.Count, items);
        var scripts = new RecipeScripts(parameters, plan.Variables);
        var counter = new ProgressCounter(items, watch, progress);
        await using (var stream = open())
        await using (var transaction = await unitOfWork.BeginAsync(cancellationToken))
        {
            await RunAsync(new RecipeJsonReader(stream), plan, scripts, baseDirectory, counter, cancellationToken);

            // After the outermost commit (a recipe may run inside a caller's transaction, e.g. setup), on its own connection.
            unitOfWork.OnCommitted(() => RefreshStatisticsAsync(plan.Name));
            await transaction.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Recipe {Recipe} applied in {Elapsed} ms", plan.Name, watch.ElapsedMilliseconds);
        return new RecipeResult(plan.Name, plan.Steps.Count, watch.Elapsed, counter.Done);
    }

    private async Task RefreshStatisticsAsync(string recipe)
    {
        try
        {
            await statistics.RefreshAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The recipe's changes are committed; stale statistics only slow queries down until the next refresh.
            logger.LogWarning(ex, "Recipe {Recipe} applied, but refreshing the planner statistics failed", recipe);
        }
    }

    /// <summary>The first pass: the recipe's name and variables, and for each step what runs it and how many items it has.</summary>
    private async Task<RecipePlan> PlanAsync(RecipeJsonReader reader, CancellationToken cancellationToken)
    {
        if (!await ReadAsync(reader, cancellationToken) || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new RecipeException(null, "$", "a recipe must be a JSON object with a 'steps' array.");
        }

        string? name = null;
        JsonObject? variables = null;
        List<PlannedStep>? planned = null;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (await ReadAsync(reader, cancellationToken) && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.Text!;
            RequireFirst(seen, key, "$");
            if (key.Equals("steps", StringComparison.OrdinalIgnoreCase))
            {
                if (!await ReadAsync(reader, cancellationToken) || reader.TokenType != JsonTokenType.StartArray)
                {
                    throw new RecipeException(null, "$.steps", "a recipe needs a 'steps' array.");
                }

                planned = [];
                while (await ReadAsync(reader, cancellationToken) && reader.TokenType != JsonTokenType.EndArray)
                {
                    planned.Add(await PlanStepAsync(reader, planned.Count, cancellationToken));
                }

                continue;
            }

            var (_, value) = await ReadValueAsync(reader, $"$.{key}", cancellationToken);
            if (key.Equals("name", StringComparison.OrdinalIgnoreCase))
            {
                name = value is JsonValue text && text.TryGetValue<string>(out var recipeName) ? recipeName : null;
            }
            else if (key.Equals("variables", StringComparison.OrdinalIgnoreCase))
            {
                variables = value as JsonObject ?? throw new RecipeException(null, $"$.{key}", "must be an object.");
            }
        }

        if (await ReadAsync(reader, cancellationToken))
        {
            throw new RecipeException(null, "$", "the recipe has more JSON after its closing brace.");
        }

        return planned is null
            ? throw new RecipeException(null, "$.steps", "a recipe needs a 'steps' array.")
            : new RecipePlan(name ?? "(unnamed)", variables, planned);
    }

    private async Task<PlannedStep> PlanStepAsync(RecipeJsonReader reader, int index, CancellationToken cancellationToken)
    {
        var path = $"$.steps[{index}]";
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new RecipeException(index, path, "a step must be an object with a 'name'.");
        }

        string? name = null;
        var arrays = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (await ReadAsync(reader, cancellationToken) && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.Text!;
            RequireFirst(seen, key, path, index);
            if (key.Equals("name", StringComparison.OrdinalIgnoreCase))
            {
                var (_, value) = await ReadValueAsync(reader, $"{path}.{key}", cancellationToken);
                name = value is JsonValue text && text.TryGetValue<string>(out var stepName) ? stepName : null;
                if (name is null)
                {
                    throw new RecipeException(index, $"{path}.{key}", "a step needs a 'name'.");
                }

                continue;
            }

            if (!await ReadAsync(reader, cancellationToken))
            {
                break;
            }

            if (reader.TokenType == JsonTokenType.StartArray)
            {
                var count = 0;
                while (await SkipValueAsync(reader, cancellationToken))
                {
                    count++;
                }

                arrays[key] = count;
            }
            else if (reader.TokenType is JsonTokenType.StartObject)
            {
                while (await ReadAsync(reader, cancellationToken) && reader.TokenType == JsonTokenType.PropertyName)
                {
                    await SkipValueAsync(reader, cancellationToken);
                }
            }
        }

        if (name is null)
        {
            throw new RecipeException(index, $"{path}.name", "a step needs a 'name'.");
        }

        if (!_steps.TryGetValue(name, out var step))
        {
            throw new RecipeException(index, $"{path}.name", $"unknown step '{name}'; known steps: {string.Join(", ", _steps.Keys.Order(StringComparer.OrdinalIgnoreCase))}.");
        }

        var items = step.ItemsProperty is { } property && arrays.TryGetValue(property, out var n) ? n : -1;
        return new PlannedStep(step, items);
    }

    /// <summary>The second pass, inside the transaction: each step with its JSON (scripts evaluated), items streamed.</summary>
    private static async Task RunAsync(RecipeJsonReader reader, RecipePlan plan, RecipeScripts scripts, string baseDirectory, ProgressCounter counter, CancellationToken cancellationToken)
    {
        await ReadAsync(reader, cancellationToken);
        while (await ReadAsync(reader, cancellationToken) && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.Text!.Equals("steps", StringComparison.OrdinalIgnoreCase))
            {
                await SkipValueAsync(reader, cancellationToken);
                continue;
            }

            await ReadAsync(reader, cancellationToken);
            for (var index = 0; await ReadAsync(reader, cancellationToken) && reader.TokenType != JsonTokenType.EndArray; index++)
            {
                if (index >= plan.Steps.Count)
                {
                    throw new RecipeException(index, $"$.steps[{index}]", "the recipe file changed while it was being applied.");
                }

                await RunStepAsync(reader, plan.Steps[index], index, scripts, baseDirectory, counter, cancellationToken);
            }
        }
    }

    private static async Task RunStepAsync(RecipeJsonReader reader, PlannedStep planned, int index, RecipeScripts scripts, string baseDirectory, ProgressCounter counter, CancellationToken cancellationToken)
    {
        var path = $"$.steps[{index}]";
        var json = new JsonObject(NodeOptions);
        var ran = false;
        while (await ReadAsync(reader, cancellationToken) && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.Text!;
            if (!ran && planned.Items >= 0 && key.Equals(planned.Step.ItemsProperty, StringComparison.OrdinalIgnoreCase))
            {
                await ReadAsync(reader, cancellationToken);
                var items = new ItemStream(reader, $"{path}.{key}", index, scripts, counter);
                await RunStepAsync(planned.Step, Context(json, index, path, baseDirectory, scripts, items, planned.Items), cancellationToken);
                await items.SkipRestAsync(cancellationToken);
                ran = true;
                continue;
            }

            var (_, value) = await ReadValueAsync(reader, $"{path}.{key}", cancellationToken);
            json[key] = value;
        }

        if (!ran)
        {
            await RunStepAsync(planned.Step, Context(json, index, path, baseDirectory, scripts), cancellationToken);
        }
    }

    private static RecipeStepContext Context(JsonObject json, int index, string path, string baseDirectory, RecipeScripts scripts, ItemStream? items = null, int itemCount = 0) => new()
    {
        Step = (JsonObject)scripts.Evaluate(json, path, index)!,
        Index = index,
        Path = path,
        BaseDirectory = baseDirectory,
        Items = items,
        ItemCount = itemCount,
    };

    private static async Task RunStepAsync(IRecipeStep step, RecipeStepContext context, CancellationToken cancellationToken)
    {
        try
        {
            await step.ExecuteAsync(context, cancellationToken);
        }
        catch (ContentValidationException ex)
        {
            var first = ex.Errors.Count > 0 ? ex.Errors[0] : new ContentValidationError("$", ex.Message);
            var detail = ex.Errors.Count > 1 ? $" (and {ex.Errors.Count - 1} more: {string.Join("; ", ex.Errors.Skip(1).Take(5))})" : "";
            throw new RecipeException(context.Index, first.Path.StartsWith("$.steps", StringComparison.Ordinal) ? first.Path : context.Path + first.Path.TrimStart('$'), first.Message + detail, ex);
        }
        catch (RecipeException)
        {
            throw;
        }
        catch (Exception ex) when (ex is ContentConflictException or ContentNotFoundException or ContentAccessDeniedException or InvalidOperationException or IOException or JsonException)
        {
            throw new RecipeException(context.Index, context.Path, ex.Message, ex);
        }
    }

    private static void RequireFirst(HashSet<string> seen, string key, string path, int? stepIndex = null)
    {
        if (!seen.Add(key))
        {
            throw new RecipeException(stepIndex, path, $"'{key}' appears twice in different casing (property names are matched ignoring case, as in Orchard Core).");
        }
    }

    private static async ValueTask<bool> ReadAsync(RecipeJsonReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken);
        }
        catch (JsonException ex)
        {
            throw NotJson(ex);
        }
    }

    private static async ValueTask<bool> SkipValueAsync(RecipeJsonReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.SkipValueAsync(cancellationToken);
        }
        catch (JsonException ex)
        {
            throw NotJson(ex);
        }
    }

    /// <summary>The next value whole, with a property given twice in different casing refused with its path.</summary>
    private static async ValueTask<(bool Found, JsonNode? Value)> ReadValueAsync(RecipeJsonReader reader, string path, CancellationToken cancellationToken, int? stepIndex = null)
    {
        (bool Found, JsonNode? Value) read;
        try
        {
            read = await reader.ReadValueAsync(cancellationToken);
        }
        catch (JsonException ex)
        {
            throw NotJson(ex);
        }

        RequireUniqueNames(read.Value, path, stepIndex);
        return read;
    }

    private static RecipeException NotJson(JsonException ex) =>
        new(null, ex.Path ?? "$", ex.LineNumber is { } line
            ? $"the recipe is not valid JSON (line {line + 1}, position {ex.BytePositionInLine + 1})."
            : "the recipe is not valid JSON: it ends in the middle of a value.", ex);

    /// <summary>With names matched ignoring case, <c>"Data"</c> and <c>"data"</c> in one object would be the same property: refused with its path.</summary>
    private static void RequireUniqueNames(JsonNode? node, string path, int? stepIndex)
    {
        switch (node)
        {
            case JsonObject obj:
                try
                {
                    _ = obj.Count;
                }
                catch (ArgumentException ex)
                {
                    // ArgumentException's message names the key: "... Key: Data (Parameter 'key')".
                    var at = ex.Message.LastIndexOf("Key: ", StringComparison.Ordinal);
                    var key = at >= 0 ? $"'{ex.Message[(at + 5)..].Split(" (Parameter", 2)[0].Trim()}' " : "a property ";
                    throw new RecipeException(stepIndex, path, $"{key}appears twice in different casing (property names are matched ignoring case, as in Orchard Core).", ex);
                }

                foreach (var (key, value) in obj)
                {
                    RequireUniqueNames(value, $"{path}.{key}", stepIndex);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    RequireUniqueNames(array[i], $"{path}[{i}]", stepIndex);
                }

                break;
        }
    }

    private sealed record RecipePlan(string Name, JsonObject? Variables, IReadOnlyList<PlannedStep> Steps);

    /// <summary>A step of the recipe; <see cref="Items"/> is the length of its items array, or -1 when it has none.</summary>
    private sealed record PlannedStep(IRecipeStep Step, int Items);

    /// <summary>Counts items as they are read and reports at most once per <see cref="ProgressInterval"/>, and at the end of each items array.</summary>
    private sealed class ProgressCounter(int total, Stopwatch watch, IProgress<RecipeProgress>? progress)
    {
        private TimeSpan _reported;

        public int Done { get; private set; }

        public void Add()
        {
            Done++;
            if (progress is not null && watch.Elapsed - _reported >= ProgressInterval)
            {
                Report();
            }
        }

        public void Report()
        {
            _reported = watch.Elapsed;
            progress?.Report(new RecipeProgress(Done, total, watch.Elapsed));
        }

    }

    /// <summary>The elements of a step's items array, read one at a time as the step asks for them (once).</summary>
    private sealed class ItemStream(RecipeJsonReader reader, string arrayPath, int stepIndex, RecipeScripts scripts, ProgressCounter counter) : IAsyncEnumerable<RecipeItem>
    {
        private bool _started;
        private bool _finished;

        public async IAsyncEnumerator<RecipeItem> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            if (_started)
            {
                throw new InvalidOperationException("A step's items can be read only once: they are streamed from the recipe file.");
            }

            _started = true;
            for (var i = 0; ; i++)
            {
                var path = $"{arrayPath}[{i}]";
                var (found, value) = await ReadValueAsync(reader, path, cancellationToken, stepIndex);
                if (!found)
                {
                    _finished = true;
                    counter.Report();
                    yield break;
                }

                yield return new RecipeItem(i, path, scripts.Evaluate(value, path, stepIndex));
                counter.Add();
            }
        }

        /// <summary>Moves past the items the step did not read (it stopped early).</summary>
        public async Task SkipRestAsync(CancellationToken cancellationToken)
        {
            if (_finished)
            {
                return;
            }

            while (await SkipValueAsync(reader, cancellationToken))
            {
            }

            _finished = true;
        }
    }
}
