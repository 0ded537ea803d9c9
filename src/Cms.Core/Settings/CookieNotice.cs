namespace Cms.Core.Settings;

/// <summary>The cookie notice front ends show: its text (plain text) and its links.</summary>
public sealed record CookieNotice
{
    public string? Text { get; init; }

    public IReadOnlyList<NoticeLink> Links { get; init; } = [];
}
