namespace Cms.Admin.Pages.Admin.Settings;

/// <summary>One row of a link list on the settings form; a row left empty is dropped.</summary>
public sealed class SettingsLinkInput
{
    public string? Text { get; set; }

    public string? Url { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Url);
}
