namespace Cms.Preview.Rendering;

/// <summary>One entry of a menu as the layout shows it: its label, where it leads, and the entries under it.</summary>
public sealed record MenuLinkView(string Label, string Url, IReadOnlyList<MenuLinkView> Children);
