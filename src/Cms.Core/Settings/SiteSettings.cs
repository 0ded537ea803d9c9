namespace Cms.Core.Settings;

/// <summary>Site-wide settings set by the <c>Settings</c> recipe step and the admin.</summary>
public sealed record SiteSettings
{
    public string SiteName { get; init; } = "Newsroom";

    /// <summary>An IANA time zone id, e.g. <c>Asia/Baku</c>.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>The <see cref="TimeZone"/> as the system knows it; UTC when the id is unknown on this machine.</summary>
    public TimeZoneInfo FindTimeZone() => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>True once the setup recipe has run and the administrator exists.</summary>
    public bool SetupCompleted { get; init; }

    public DateTime? SetupCompletedUtc { get; init; }
}
