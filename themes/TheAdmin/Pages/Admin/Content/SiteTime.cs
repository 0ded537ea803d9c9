using System.Globalization;

namespace Cms.Admin.Pages.Admin.Content;

/// <summary>Times as the content screens show them: in the site's time zone, with the UTC instant in the markup.</summary>
public sealed record SiteTime(TimeZoneInfo Zone)
{
    public string Format(DateTime? utc, string pattern = "d MMM yyyy, HH:mm") =>
        utc is { } value ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), Zone).ToString(pattern, CultureInfo.InvariantCulture) : "";

    public static string Iso(DateTime? utc) =>
        utc is { } value ? DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture) : "";

    /// <summary>The zone's name as people read it (its id, e.g. Asia/Baku, or UTC).</summary>
    public string Name => Zone.Id;
}
