namespace Cms.Preview.Rendering;

/// <summary>Another article in a strip or rail: title, section label, date and thumbnail.</summary>
public sealed record TeaserView(string Title, string? Section, string? Date, string? DateIso, ImageView? Image);
