namespace Cms.Admin.Pages.Admin.Menus;

/// <summary>One menu in the list: its id, name, how many entries it has on all levels, and when it last changed.</summary>
public sealed record MenuRow(string ContentItemId, string Title, int Entries, DateTime? ModifiedUtc);
