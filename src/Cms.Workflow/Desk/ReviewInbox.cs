namespace Cms.Workflow.Desk;

/// <summary>
/// The dashboard's review inbox: what is assigned to the caller, what waits for review (null when the caller reviews
/// no type), what is overdue, and what is planned to go live today in the site's time zone (<see cref="TimeZone"/>).
/// </summary>
public sealed record ReviewInbox(DeskPage AssignedToMe, DeskPage? AwaitingReview, DeskPage Overdue, DeskPage ScheduledToday, TimeZoneInfo TimeZone);
