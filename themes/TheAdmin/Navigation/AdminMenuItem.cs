namespace Cms.Admin.Navigation;

/// <summary>
/// An entry of the admin's left navigation. Later screens register their own with
/// <c>services.AddAdminMenuItem(...)</c>; an entry shows only to users who hold <see cref="Permission"/>.
/// </summary>
/// <param name="Section">The heading the entry is listed under ("Security", "Content", ...); null for the top.</param>
/// <param name="Title">The link text.</param>
/// <param name="Url">Where it leads, e.g. <c>/admin/users</c>.</param>
/// <param name="Icon">A Bootstrap Icons class, e.g. <c>bi-people</c>.</param>
/// <param name="Permission">The permission (authorization policy) needed to see and open it.</param>
/// <param name="Order">Position within its section.</param>
/// <param name="Description">One sentence for the dashboard card.</param>
public sealed record AdminMenuItem(string? Section, string Title, string Url, string Icon, string Permission, int Order = 0, string? Description = null);
