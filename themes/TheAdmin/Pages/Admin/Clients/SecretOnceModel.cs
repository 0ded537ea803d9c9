namespace Cms.Admin.Pages.Admin.Clients;

/// <summary>The one-time display of a client secret.</summary>
public sealed record SecretOnceModel(string Title, string ClientId, string Secret);
