namespace Cms.Core.Metadata;

/// <summary>The committed definitions, shared by all requests. Updated only after a change commits.</summary>
public sealed class ContentDefinitionCache
{
    private volatile ContentDefinitionSet? _current;

    public ContentDefinitionSet? Current => _current;

    public event Action<ContentDefinitionSet>? Changed;

    public void Set(ContentDefinitionSet definitions)
    {
        var previous = _current;
        _current = definitions;
        if (previous is not null && previous.Serial != definitions.Serial)
        {
            Changed?.Invoke(definitions);
        }
    }

    public void Invalidate() => _current = null;
}
