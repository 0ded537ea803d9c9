namespace Cms.Core.Settings;

/// <summary>A link of the cookie notice: its text and an http(s) address or a path on the site (<c>/privacy-policy</c>).</summary>
public sealed record NoticeLink(string Text, string Url);
