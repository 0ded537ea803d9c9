namespace Cms.Core.Content.Menus;

/// <summary>What the check of one menu has seen so far, across its levels: how many items, and their ids.</summary>
public sealed class MenuWalk
{
    public int Count { get; set; }

    public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);
}
