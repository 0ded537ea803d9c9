using System.Text.Json;
using Cms.Core.Storage;

namespace Cms.Core.Settings;

/// <summary>Site settings in the document named <c>SiteSettings</c>; every save is checked and cleaned by <see cref="SiteSettingsRules"/>.</summary>
public sealed class SiteSettingsService(IDocumentStore documents) : ISiteSettingsService
{
    public const string DocumentName = "SiteSettings";

    public async Task<SiteSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        var json = await documents.GetAsync(DocumentName, cancellationToken);
        return json?.Deserialize<SiteSettings>() ?? new SiteSettings();
    }

    public Task SaveAsync(SiteSettings settings, CancellationToken cancellationToken = default) =>
        documents.SetAsync(DocumentName, JsonSerializer.SerializeToNode(SiteSettingsRules.Clean(settings))!.AsObject(), cancellationToken);
}
