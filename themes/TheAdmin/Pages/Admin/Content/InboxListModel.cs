using Cms.Workflow.Desk;

namespace Cms.Admin.Pages.Admin.Content;

/// <summary>One list of the dashboard's review inbox: its items, a link to all of them in the content list, and what to say when it is empty.</summary>
public sealed record InboxListModel(string Id, string Title, DeskPage Items, string AllUrl, string Empty, SiteTime Time, bool ShowPlannedTime);
