namespace Cms.Workflow.Scheduling;

/// <summary><c>Cms:Workflow</c>: how often the scheduler looks for due items and how long a claim holds.</summary>
public sealed class SchedulerOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A host that claimed a due item and died lets it go after this long; another host then takes it.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    public bool Enabled { get; set; } = true;
}
