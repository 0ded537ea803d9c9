using System.Globalization;
using Cms.Admin.Navigation;
using Cms.Core.Content;
using Cms.Core.Search;
using Cms.Workflow.Desk;
using Cms.Workflow.Engine;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin.Content;

/// <summary>
/// The content list, across types or for one: filters, sort, paging with the total, bulk actions and the "New" menu.
/// Everything it shows and does comes from Cms.Workflow's <see cref="ContentDesk"/>; a refused bulk item is reported
/// with the reason the API would give. A full-text search (<c>text</c>) lists instead the published items that match,
/// through the same <see cref="ContentSearchService"/> as GraphQL's <c>search</c>, with the type, section and author filters.
/// </summary>
[Authorize(Policy = ContentDeskRequirement.PolicyName)]
public sealed class IndexModel(ContentDesk desk, ContentSearchService search) : AdminPageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "stage")]
    public string? Stage { get; set; }

    [BindProperty(SupportsGet = true, Name = "section")]
    public string? Section { get; set; }

    [BindProperty(SupportsGet = true, Name = "author")]
    public string? Author { get; set; }

    [BindProperty(SupportsGet = true, Name = "mine")]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true, Name = "assigned")]
    public bool AssignedToMe { get; set; }

    [BindProperty(SupportsGet = true, Name = "overdue")]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true, Name = "scheduled")]
    public bool Scheduled { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>Words to find in published items (full-text search); empty for the usual list.</summary>
    [BindProperty(SupportsGet = true, Name = "text")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "dir")]
    public string? Direction { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<DeskType> Types { get; private set; } = [];

    public IReadOnlyList<DeskOption> Sections { get; private set; } = [];

    public IReadOnlyList<DeskOption> Authors { get; private set; } = [];

    public DeskPage Results { get; private set; } = new(0, []);

    /// <summary>The full-text results when <see cref="Text"/> is given.</summary>
    public ContentSearchResult? SearchResults { get; private set; }

    public bool Searching => !string.IsNullOrWhiteSpace(Text);

    public SiteTime Time { get; private set; } = new(TimeZoneInfo.Utc);

    /// <summary>What the last bulk action did, item by item (after a POST).</summary>
    public IReadOnlyList<BulkOutcome>? Outcomes { get; private set; }

    public string? BulkAction { get; private set; }

    public string? Error { get; private set; }

    public DeskType? CurrentType => Types.FirstOrDefault(t => t.Name == Type);

    public int PageCount => (Searching ? SearchResults?.Total ?? 0 : Results.Total) is var total && total == 0 ? 1 : (total + PageSize - 1) / PageSize;

    public static IReadOnlyList<string> Stages => ContentStages.All;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostBulkAsync([FromForm(Name = "bulk")] string? action, [FromForm(Name = "ids")] string[]? ids, CancellationToken cancellationToken)
    {
        try
        {
            Outcomes = await desk.BulkAsync(action ?? "", ids ?? [], cancellationToken);
            BulkAction = action;
        }
        catch (ContentValidationException invalid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Error = invalid.Message;
        }

        return await LoadAsync(cancellationToken);
    }

    /// <summary>The address of this list with some criteria changed (null removes one); the page goes back to 1 unless given.</summary>
    public string UrlWith(IReadOnlyDictionary<string, string?>? changes = null, int page = 1)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["type"] = Type,
            ["stage"] = Stage,
            ["section"] = Section,
            ["author"] = Author,
            ["mine"] = Mine ? "true" : null,
            ["assigned"] = AssignedToMe ? "true" : null,
            ["overdue"] = Overdue ? "true" : null,
            ["scheduled"] = Scheduled ? "true" : null,
            ["q"] = Search,
            ["text"] = Text,
            ["sort"] = Sort,
            ["dir"] = Direction,
        };
        foreach (var (key, value) in changes ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var query = new QueryString();
        foreach (var (key, value) in values)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query = query.Add(key, value);
            }
        }

        if (page > 1)
        {
            query = query.Add("p", page.ToString(CultureInfo.InvariantCulture));
        }

        return AdminUrls.Content + query.ToUriComponent();
    }

    public string PageUrl(int page) => UrlWith(page: page);

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        Types = await desk.TypesAsync(cancellationToken);
        Time = new SiteTime(await desk.SiteTimeZoneAsync(cancellationToken));
        if (Type is { Length: > 0 } && CurrentType is null)
        {
            // A type the caller does not work on reads exactly as one that does not exist.
            return NotFound();
        }

        Sections = await desk.OptionsAsync(DeskTypes.Section, cancellationToken);
        Authors = await desk.OptionsAsync(DeskTypes.Author, cancellationToken);
        if (!WorkQuery.TryParseSort(Sort, out var sort))
        {
            return Invalid($"'{Sort}' is not a sort order.");
        }

        if (Direction is { Length: > 0 } && Direction is not ("asc" or "desc"))
        {
            return Invalid($"'{Direction}' is not a direction; use asc or desc.");
        }

        PageNumber = Math.Max(1, PageNumber);
        if (Searching)
        {
            try
            {
                SearchResults = await search.SearchAsync(new ContentSearchRequest
                {
                    Text = Text!,
                    ContentType = Type is { Length: > 0 } ? Type : null,
                    SectionId = Section is { Length: > 0 } ? Section : null,
                    AuthorId = Author is { Length: > 0 } ? Author : null,
                    Skip = (PageNumber - 1) * PageSize,
                    Take = PageSize,
                }, cancellationToken);
            }
            catch (ContentValidationException invalid)
            {
                return Invalid(invalid.Message);
            }
            catch (ContentAccessDeniedException)
            {
                return Invalid("You may not view any published content to search.");
            }

            return Page();
        }

        try
        {
            Results = await desk.ListAsync(new WorkQuery
            {
                ContentType = Type is { Length: > 0 } ? Type : null,
                Stage = Stage is { Length: > 0 } ? Stage : null,
                Section = Section,
                Author = Author,
                Mine = Mine,
                AssignedToMe = AssignedToMe,
                Overdue = Overdue,
                Scheduled = Scheduled,
                Title = Search?.Trim(),
                Sort = sort,
                Descending = Direction switch { "asc" => false, "desc" => true, _ => null },
                Skip = (PageNumber - 1) * PageSize,
                Take = PageSize,
            }, cancellationToken);
        }
        catch (ContentValidationException invalid)
        {
            return Invalid(invalid.Message);
        }

        return Page();
    }

    private PageResult Invalid(string message)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Error = message;
        return Page();
    }
}
