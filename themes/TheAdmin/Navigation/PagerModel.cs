namespace Cms.Admin.Navigation;

/// <summary>What the pager partial needs: the current page (from 1), the page count and how to link to a page.</summary>
public sealed record PagerModel(int Page, int PageCount, Func<int, string> UrlFor);
