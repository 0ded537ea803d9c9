namespace Cms.Preview.Rendering;

/// <summary>A menu of the site (<c>Header</c>, <c>Side</c>) for the layout; empty when the site has no such menu.</summary>
public sealed record MenuView(string Name, IReadOnlyList<MenuLinkView> Items)
{
    public bool Any => Items.Count > 0;
}
