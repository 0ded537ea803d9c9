namespace Cms.Core.Settings;

public interface ISiteSettingsService
{
    Task<SiteSettings> GetAsync(CancellationToken cancellationToken = default);

    Task SaveAsync(SiteSettings settings, CancellationToken cancellationToken = default);
}
