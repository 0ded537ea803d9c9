using Cms.Core.Content;
using Cms.Core.Fields;
using Cms.Core.Html;
using Cms.Core.Metadata;
using Cms.Core.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cms.Core;

public static class ContentServiceCollectionExtensions
{
    /// <summary>The content engine: definitions, field kinds, the content manager. Storage comes from Cms.Data.</summary>
    public static IServiceCollection AddCmsContent(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Storage.SharedStateSignal>();
        services.AddSingleton<IHtmlSanitizerService, HtmlSanitizerService>();
        services.AddSingleton<ContentDefinitionCache>();
        services.AddSingleton<IContentFieldKind, TextFieldKind>();
        services.AddSingleton<IContentFieldKind, HtmlFieldKind>();
        services.AddSingleton<IContentFieldKind, NumericFieldKind>();
        services.AddSingleton<IContentFieldKind, BooleanFieldKind>();
        services.AddSingleton<IContentFieldKind, DateTimeFieldKind>();
        services.AddSingleton<IContentFieldKind, ContentPickerFieldKind>();
        services.AddSingleton<IContentFieldKind, MediaFieldKind>();
        services.AddSingleton<IContentFieldKind, LinkFieldKind>();
        services.AddSingleton<IContentFieldKind, TagsFieldKind>();
        services.AddSingleton<ContentItemNormalizer>();
        services.AddScoped<IContentDefinitionStore, ContentDefinitionStore>();
        services.AddScoped<IContentDefinitionManager, ContentDefinitionManager>();
        services.AddScoped<ISiteSettingsService, SiteSettingsService>();
        services.TryAddScoped<IContentAccess, SystemContentAccess>();
        services.TryAddScoped<IContentWorkflow, DirectContentWorkflow>();
        services.AddScoped<IContentManager, ContentManager>();
        services.AddScoped<Content.Related.RelatedContent>();
        services.AddScoped<ContentReferences>();
        services.AddScoped<Search.ContentSearchIndexer>();
        services.AddScoped<Events.IContentChangeHandler>(sp => sp.GetRequiredService<Search.ContentSearchIndexer>());
        services.AddScoped<Search.ContentSearchService>();
        return services;
    }
}
