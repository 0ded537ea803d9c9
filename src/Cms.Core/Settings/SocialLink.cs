namespace Cms.Core.Settings;

/// <summary>One of the site's accounts elsewhere: a name ("Instagram") and an http(s) address.</summary>
public sealed record SocialLink(string Name, string Url);
