using System.Net;
using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Storage;
using Cms.Testing;
using Cms.Workflow.Desk;
using Cms.Workflow.Engine;
using Cms.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Workflow.Tests;

/// <summary>
/// The admin's content desk (Cms.Workflow's <see cref="ContentDesk"/> and the list page on it): filters, sort, paging
/// and totals in SQL; bulk actions item by item with per-item refusals; the "New" menu per role; the review inbox.
/// </summary>
public sealed class ContentDeskTests
{
    [SkippableTheory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task The_list_filters_sorts_and_pages_in_SQL_with_the_total_of_what_the_caller_may_see(string provider)
    {
        await using var database = provider == "Postgres" ? await PostgresTestDatabase.CreateAsync() : null;
        await using var host = await WorkflowHost.StartAsync(database?.ConnectionString);
        await DeskSeed.AddSectionAndAuthorAsync(host, "section-culture", "Culture", "author-omar", "Omar Aliyev");
        var ednaId = await DeskUsers.CreateAsync(host, "edna", "Editor");
        await DeskUsers.CreateAsync(host, "carl", "Contributor");
        var grainA = await DeskSeed.WriteAsync(host, "carl", "Grain prices in the north");
        var grainB = await DeskSeed.WriteAsync(host, "carl", "Grain exports rise");
        var grainC = await DeskSeed.WriteAsync(host, "carl", "Bakers and the grain levy");
        var theatre = await DeskSeed.WriteAsync(host, "edna", "Theatre season opens", "section-culture", "author-omar");
        var festival = await DeskSeed.WriteAsync(host, "edna", "Film festival line-up", "section-culture", "author-omar");

        await DeskSeed.MoveAsync(host, "carl", grainB, ContentTransitions.Submit);
        var due = host.Clock.GetUtcNow().UtcDateTime.AddHours(1);
        await DeskUsers.AsUserAsync(host, "edna", sp => sp.GetRequiredService<WorkflowService>().AssignAsync(grainB, null, ednaId, due));
        await DeskSeed.MoveAsync(host, "edna", festival, ContentTransitions.Submit, ContentTransitions.Approve);
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var publishAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)).AddHours(5);
        await DeskUsers.AsUserAsync(host, "edna", sp => sp.GetRequiredService<WorkflowService>().TransitionAsync(festival, ContentTransitions.Publish, new TransitionInput { PublishAtUtc = publishAt }));
        host.Advance(TimeSpan.FromHours(2));

        Task<DeskPage> ListAsync(string user, WorkQuery query) => DeskUsers.AsUserAsync(host, user, sp => sp.GetRequiredService<ContentDesk>().ListAsync(query));
        static string[] Ids(DeskPage page) => [.. page.Rows.Select(r => r.ContentItemId)];

        var articles = await ListAsync("edna", new WorkQuery { ContentType = "Article" });
        Assert.Equal(5, articles.Total);
        Assert.Equal(new[] { festival, theatre, grainA, grainB, grainC }.Order(StringComparer.Ordinal), Ids(articles).Order(StringComparer.Ordinal));
        var scheduledRow = articles.Rows.Single(r => r.ContentItemId == festival);
        Assert.Equal(publishAt, scheduledRow.PublishAtUtc);
        Assert.Equal(["Culture"], scheduledRow.Sections);
        Assert.Equal(["Omar Aliyev"], scheduledRow.Authors);
        Assert.Equal("edna", scheduledRow.Owner);
        Assert.Equal(ContentStages.Approved, scheduledRow.Stage);

        AssertSameItems([grainA, grainB, grainC], Ids(await ListAsync("edna", new WorkQuery { Section = "section-economy" })));
        AssertSameItems([festival, theatre], Ids(await ListAsync("edna", new WorkQuery { Author = "author-omar" })));
        Assert.Equal([grainB], Ids(await ListAsync("edna", new WorkQuery { Stage = ContentStages.InReview })));
        AssertSameItems([festival, theatre], Ids(await ListAsync("edna", new WorkQuery { Mine = true, ContentType = "Article" })));
        Assert.Equal([grainB], Ids(await ListAsync("edna", new WorkQuery { AssignedToMe = true })));
        var overdue = await ListAsync("edna", new WorkQuery { Overdue = true });
        Assert.Equal([grainB], Ids(overdue));
        Assert.True(overdue.Rows[0].Overdue);
        Assert.Equal("edna", overdue.Rows[0].AssignedTo);
        Assert.Equal([festival], Ids(await ListAsync("edna", new WorkQuery { Scheduled = true })));
        AssertSameItems([grainA, grainB, grainC], Ids(await ListAsync("edna", new WorkQuery { Title = "GRAIN" })));
        Assert.Empty((await ListAsync("edna", new WorkQuery { Section = "section-culture", Title = "grain" })).Rows);

        // Sorted by title A to Z, two to a page: the total stays the number of matches.
        var byTitle = new WorkQuery { ContentType = "Article", Sort = WorkSort.Title, Take = 2 };
        var first = await ListAsync("edna", byTitle);
        var second = await ListAsync("edna", byTitle with { Skip = 2 });
        var third = await ListAsync("edna", byTitle with { Skip = 4 });
        Assert.All(new[] { first, second, third }, page => Assert.Equal(5, page.Total));
        Assert.Equal(
            ["Bakers and the grain levy", "Film festival line-up", "Grain exports rise", "Grain prices in the north", "Theatre season opens"],
            first.Rows.Concat(second.Rows).Concat(third.Rows).Select(r => r.Title));
        Assert.Equal("Theatre season opens", (await ListAsync("edna", byTitle with { Descending = true })).Rows[0].Title);
        Assert.Equal(festival, (await ListAsync("edna", new WorkQuery { ContentType = "Article", Sort = WorkSort.Scheduled, Descending = true })).Rows[0].ContentItemId);

        // A contributor's list holds their own articles only, in the rows and in the total.
        var mine = await ListAsync("carl", new WorkQuery());
        Assert.Equal(3, mine.Total);
        AssertSameItems([grainA, grainB, grainC], Ids(mine));

        // Bad criteria are refused with a message naming them.
        var badStage = await Assert.ThrowsAsync<ContentValidationException>(() => ListAsync("edna", new WorkQuery { Stage = "Lost" }));
        Assert.Contains("'Lost' is not a stage", badStage.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ContentValidationException>(() => ListAsync("edna", new WorkQuery { ContentType = "Recipe" }));
    }

    [Fact]
    public async Task The_search_box_finds_published_text_through_the_search_service_and_never_a_draft()
    {
        await using var host = await WorkflowHost.StartAsync();
        await DeskUsers.CreateAsync(host, "edna", "Editor");
        var published = await DeskSeed.WriteAsync(host, "edna", "River fisheries report", body: "<p>Caspian sturgeon numbers fell again this spring.</p>");
        await DeskSeed.MoveAsync(host, "edna", published, ContentTransitions.Submit, ContentTransitions.Approve, ContentTransitions.Publish);
        await DeskSeed.WriteAsync(host, "edna", "Unpublished sturgeon notes", body: "<p>Sturgeon draft, not for readers yet.</p>");
        using var browser = await AdminBrowser.SignInAsync(host, "edna");

        var (status, html) = await browser.GetAsync("/admin/content?text=sturgeon");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("1 published item match", html, StringComparison.Ordinal);
        Assert.Contains($"data-item=\"{published}\"", html, StringComparison.Ordinal);
        Assert.Contains("<mark>sturgeon</mark>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Unpublished sturgeon notes", html, StringComparison.Ordinal);
        Assert.Contains("No published items contain these words.", (await browser.GetAsync("/admin/content?text=walrus")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_page_shows_the_filtered_rows_their_total_and_a_pager()
    {
        await using var host = await WorkflowHost.StartAsync();
        await DeskUsers.CreateAsync(host, "edna", "Editor");
        for (var i = 1; i <= 23; i++)
        {
            await DeskSeed.WriteAsync(host, "edna", $"Harvest report {i:00}");
        }

        await DeskSeed.WriteAsync(host, "edna", "Unrelated column");
        using var browser = await AdminBrowser.SignInAsync(host, "edna");

        var (status, html) = await browser.GetAsync("/admin/content?type=Article&q=harvest&sort=title&p=2");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("23 items · page 2 of 2", html, StringComparison.Ordinal);
        Assert.Contains("Harvest report 21", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Harvest report 20<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Unrelated column", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/content?type=Article&amp;q=harvest&amp;sort=title\"", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync("/admin/content?stage=Lost")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync("/admin/content?sort=shoe-size")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/admin/content?type=Recipe")).Status);
    }

    [Fact]
    public async Task Bulk_publish_acts_item_by_item_and_reports_each_refusal_with_its_reason()
    {
        await using var host = await WorkflowHost.StartAsync();
        await DeskUsers.CreateAsync(host, "edna", "Editor");
        await DeskUsers.CreateAsync(host, "carl", "Contributor");
        var carlsDraft = await DeskSeed.WriteAsync(host, "carl", "Ferry timetable");
        var carlsSubmitted = await DeskSeed.WriteAsync(host, "carl", "Port extension");
        await DeskSeed.MoveAsync(host, "carl", carlsSubmitted, ContentTransitions.Submit);
        var approved = await DeskSeed.WriteAsync(host, "edna", "Rail freight doubles");
        await DeskSeed.MoveAsync(host, "edna", approved, ContentTransitions.Submit, ContentTransitions.Approve);
        var ednasDraft = await DeskSeed.WriteAsync(host, "edna", "Bus lanes");

        // A contributor may not publish: every item is refused on its own, and one they cannot see is not found.
        var contributor = await DeskUsers.AsUserAsync(host, "carl", sp => sp.GetRequiredService<ContentDesk>().BulkAsync(BulkActions.Publish, [carlsDraft, carlsSubmitted, ednasDraft]));
        Assert.All(contributor, o => Assert.False(o.Succeeded));
        Assert.Equal([403, 403, 404], contributor.Select(o => o.Status));
        Assert.Contains("Publish", contributor[0].Reason, StringComparison.Ordinal);
        Assert.Equal("Ferry timetable", contributor[0].Title);
        Assert.Null(contributor[2].Title);

        // An editor under the Editorial workflow: the approved item is published, the draft refused with the 409 reason.
        using var browser = await AdminBrowser.SignInAsync(host, "edna");
        var response = await browser.PostFormAsync("/admin/content", "/admin/content?handler=Bulk",
            [new("bulk", "publish"), new("ids", approved), new("ids", ednasDraft)]);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1 of 2 published; 1 refused.", html, StringComparison.Ordinal);
        Assert.Contains($"data-item=\"{approved}\" data-succeeded=\"true\"", html, StringComparison.Ordinal);
        Assert.Matches($"data-item=\"{ednasDraft}\" data-succeeded=\"false\">\\s*<i[^>]*></i> <span>Bus lanes: refused \\(409\\): [^<]+</span>", html);

        var published = await host.AsSystemAsync(sp => sp.GetRequiredService<IContentStore>().GetAsync(approved, VersionOptions.Latest));
        var draft = await host.AsSystemAsync(sp => sp.GetRequiredService<IContentStore>().GetAsync(ednasDraft, VersionOptions.Latest));
        Assert.True(published!.Published);
        Assert.False(draft!.Published);
        Assert.Equal(ContentStages.Draft, draft.Stage);

        // The same call as for one item: a bulk delete removes the item from the list.
        await DeskUsers.AsUserAsync(host, "edna", sp => sp.GetRequiredService<ContentDesk>().BulkAsync(BulkActions.Delete, [ednasDraft]));
        var list = await DeskUsers.AsUserAsync(host, "edna", sp => sp.GetRequiredService<ContentDesk>().ListAsync(new WorkQuery { ContentType = "Article" }));
        Assert.DoesNotContain(list.Rows, r => r.ContentItemId == ednasDraft);

        // A bulk action that does not exist, or no item, is refused as a whole.
        var unknown = await browser.PostFormAsync("/admin/content", "/admin/content?handler=Bulk", [new("bulk", "archive"), new("ids", approved)]);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("archive&#x27; is not a bulk action", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Editor", new[] { "Article", "Author", "Menu", "Page", "Section" })]
    [InlineData("Author", new[] { "Article" })]
    [InlineData("Contributor", new[] { "Article" })]
    public async Task The_New_menu_lists_the_types_the_role_may_create(string role, string[] expected)
    {
        await using var host = await WorkflowHost.StartAsync();
        await DeskUsers.CreateAsync(host, "someone", role);

        var types = await DeskUsers.AsUserAsync(host, "someone", sp => sp.GetRequiredService<ContentDesk>().TypesAsync());
        Assert.Equal(expected, types.Where(t => t.MayCreate).Select(t => t.Name).Order());

        using var browser = await AdminBrowser.SignInAsync(host, "someone");
        var (status, html) = await browser.GetAsync("/admin/content");
        Assert.Equal(HttpStatusCode.OK, status);
        var menu = html[html.IndexOf("data-testid=\"new-menu\"", StringComparison.Ordinal)..];
        menu = menu[..menu.IndexOf("</ul>", StringComparison.Ordinal)];
        Assert.Equal(expected.Select(t => $"/admin/content/new/{t}"), System.Text.RegularExpressions.Regex.Matches(menu, "href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Order());

        // The navigation leads to the list for everyone who works on content.
        var (_, dashboard) = await browser.GetAsync("/admin");
        Assert.Contains("href=\"/admin/content\"", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_works_on_no_content_type_has_no_content_list()
    {
        await using var host = await WorkflowHost.StartAsync();
        await DeskUsers.CreateAsync(host, "reader", "Authenticated");
        var types = await DeskUsers.AsUserAsync(host, "reader", sp => sp.GetRequiredService<ContentDesk>().TypesAsync());
        Assert.Empty(types);
        Assert.Null(await DeskUsers.AsUserAsync(host, "reader", sp => sp.GetRequiredService<ContentDesk>().InboxAsync()));
    }

    [Fact]
    public async Task The_review_inbox_shows_what_is_assigned_waiting_overdue_and_planned_for_today_in_the_sites_time_zone()
    {
        // 08:00 UTC is noon in Baku, the newsroom's time zone (UTC+4): "today" there ends at 20:00 UTC.
        var morning = new DateTimeOffset(DateTime.UtcNow.Date.AddHours(8), TimeSpan.Zero);
        await using var host = await WorkflowHost.StartAsync(clock: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(morning));
        var ednaId = await DeskUsers.CreateAsync(host, "edna", "Editor");
        await DeskUsers.CreateAsync(host, "carl", "Contributor");
        await DeskUsers.CreateAsync(host, "ayla", "Author");

        var waiting = await DeskSeed.WriteAsync(host, "carl", "Water tariffs");
        await DeskSeed.MoveAsync(host, "carl", waiting, ContentTransitions.Submit);
        var assigned = await DeskSeed.WriteAsync(host, "carl", "Metro fares");
        await DeskSeed.MoveAsync(host, "carl", assigned, ContentTransitions.Submit);
        await DeskUsers.AsUserAsync(host, "edna", sp => sp.GetRequiredService<WorkflowService>().AssignAsync(assigned, null, ednaId, morning.UtcDateTime.AddHours(1)));
        var today = await DeskSeed.WriteAsync(host, "edna", "Evening concert");
        var tonight = await DeskSeed.WriteAsync(host, "edna", "Night market");
        foreach (var (id, hours) in new[] { (today, 6), (tonight, 14) })
        {
            await DeskSeed.MoveAsync(host, "edna", id, ContentTransitions.Submit, ContentTransitions.Approve);
            await DeskUsers.AsUserAsync(host, "edna", sp => sp.GetRequiredService<WorkflowService>().TransitionAsync(id, ContentTransitions.Publish, new TransitionInput { PublishAtUtc = morning.UtcDateTime.AddHours(hours) }));
        }

        host.Advance(TimeSpan.FromHours(2));
        var inbox = (await DeskUsers.AsUserAsync(host, "edna", sp => sp.GetRequiredService<ContentDesk>().InboxAsync()))!;

        Assert.Equal("Asia/Baku", inbox.TimeZone.Id);
        Assert.Equal([assigned], inbox.AssignedToMe.Rows.Select(r => r.ContentItemId));
        Assert.Equal(new[] { waiting, assigned }.Order(StringComparer.Ordinal), inbox.AwaitingReview!.Rows.Select(r => r.ContentItemId).Order(StringComparer.Ordinal));
        Assert.Equal([assigned], inbox.Overdue.Rows.Select(r => r.ContentItemId));
        Assert.Equal([today], inbox.ScheduledToday.Rows.Select(r => r.ContentItemId));

        // An author reviews nothing: no "waiting for review"; a contributor's inbox holds only their own items.
        var author = (await DeskUsers.AsUserAsync(host, "ayla", sp => sp.GetRequiredService<ContentDesk>().InboxAsync()))!;
        Assert.Null(author.AwaitingReview);
        var contributor = (await DeskUsers.AsUserAsync(host, "carl", sp => sp.GetRequiredService<ContentDesk>().InboxAsync()))!;
        Assert.Null(contributor.AwaitingReview);
        Assert.Equal([assigned], contributor.Overdue.Rows.Select(r => r.ContentItemId));
        Assert.Empty(contributor.ScheduledToday.Rows);

        // The dashboard shows the inbox, each entry linking to the editor.
        using var browser = await AdminBrowser.SignInAsync(host, "edna");
        var (_, html) = await browser.GetAsync("/admin");
        Assert.Contains("Review inbox", html, StringComparison.Ordinal);
        var todayCard = html[html.IndexOf("data-testid=\"inbox-today\"", StringComparison.Ordinal)..];
        todayCard = todayCard[..todayCard.IndexOf("</div>\n</div>", StringComparison.Ordinal)];
        Assert.Contains($"href=\"/admin/content/{today}/edit\"", todayCard, StringComparison.Ordinal);
        Assert.Contains("goes live <time", todayCard, StringComparison.Ordinal);
        Assert.Contains(">18:00</time>", todayCard, StringComparison.Ordinal);
        Assert.DoesNotContain(tonight, todayCard, StringComparison.Ordinal);
    }

    private static void AssertSameItems(string[] expected, IEnumerable<string> actual) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
}
