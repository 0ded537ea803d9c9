namespace Cms.Admin.Services;

/// <summary>One page of a longer list. <see cref="Page"/> starts at 1.</summary>
public sealed record AdminPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}
