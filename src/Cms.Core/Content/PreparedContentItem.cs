using System.Runtime.ExceptionServices;
using Cms.Core.Fields;
using Cms.Core.Metadata;

namespace Cms.Core.Content;

/// <summary>
/// An item for <see cref="IContentManager.ImportAsync(PreparedContentItem, CancellationToken)"/> whose content was
/// checked and cleaned ahead by <see cref="ContentItemNormalizer.PrepareImport"/> (on any thread: the normalizer reads
/// nothing but the item and the definitions). The import uses that work instead of doing it again when the definitions
/// are still the ones it was done with; otherwise it normalizes the item itself. A problem found ahead is raised by the
/// import, at the moment the import would have found it, so a recipe reports the same error for the same item.
/// </summary>
public sealed class PreparedContentItem
{
    private readonly ContentDefinitionSet? _definitions;
    private readonly ContentItem? _normalized;
    private readonly IReadOnlyList<FieldIndexEntry>? _index;
    private readonly ExceptionDispatchInfo? _error;
    private readonly Search.SearchTexts? _search;
    private bool _taken;

    /// <summary>An item not prepared ahead: the import normalizes it.</summary>
    public PreparedContentItem(ContentItem item, string path)
    {
        Item = item;
        Path = path;
    }

    internal PreparedContentItem(ContentItem item, string path, ContentDefinitionSet definitions, ContentItem? normalized, IReadOnlyList<FieldIndexEntry>? index, ExceptionDispatchInfo? error, string? lookupPath, Search.SearchTexts? search = null)
        : this(item, path)
    {
        _definitions = definitions;
        _normalized = normalized;
        _index = index;
        _error = error;
        _search = search;
        LookupPath = lookupPath;
    }

    /// <summary>The item as it came (never changed by the preparation).</summary>
    public ContentItem Item { get; }

    /// <summary>The item's JSON path in its source, for error messages (e.g. <c>$.steps[1].Data[7]</c>).</summary>
    public string Path { get; }

    /// <summary>
    /// The route path the import looks up first for this item, when it has one: its own path, or the one generated from
    /// its title (so a batch can look its paths up in one query, <see cref="Storage.IContentStore.ExpectAsync"/>).
    /// </summary>
    public string? LookupPath { get; }

    /// <summary>
    /// The search texts of the normalized content (<see cref="Search.SearchDocumentBuilder.Texts"/>), made ahead for a
    /// searchable type; only once <see cref="TryTake"/> handed that content out, since they describe it and nothing else.
    /// </summary>
    internal Search.SearchTexts? TakenSearchTexts { get; private set; }

    /// <summary>
    /// The normalized content and index rows, once, when prepared with <paramref name="definitions"/>; a problem found
    /// ahead is thrown here. False when the import must normalize the item itself.
    /// </summary>
    internal bool TryTake(ContentDefinitionSet definitions, out ContentItem normalized, out IReadOnlyList<FieldIndexEntry> index)
    {
        normalized = null!;
        index = null!;
        if (_taken || !ReferenceEquals(definitions, _definitions))
        {
            return false;
        }

        _taken = true;
        _error?.Throw();
        if (_normalized is null || _index is null)
        {
            return false;
        }

        normalized = _normalized;
        index = _index;
        TakenSearchTexts = _search;
        return true;
    }
}
