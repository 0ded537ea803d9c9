using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;
using Microsoft.Extensions.FileProviders;

namespace Cms.Preview.Rendering;

/// <summary>
/// Renders the theme's Liquid templates (<c>Templates/*.liquid</c>, embedded in this assembly) with Fluid. Every
/// value is HTML-encoded unless a template says <c>| raw</c>, which the templates use only for HTML the content
/// manager has sanitized (bodies, bios). Names are snake_case in templates (<c>article.reading_minutes</c>).
/// </summary>
public sealed class PreviewRenderer
{
    private static readonly FluidParser Parser = new();
    private readonly EmbeddedFileProvider _files = new EmbeddedFileProvider(typeof(PreviewRenderer).Assembly, "Cms.Preview.Templates");
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new(StringComparer.Ordinal);
    private readonly TemplateOptions _options;

    public PreviewRenderer()
    {
        _options = new TemplateOptions { FileProvider = _files };
        _options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        foreach (var type in new[] { typeof(PageView), typeof(ArticleView), typeof(AuthorView), typeof(TeaserView), typeof(ImageView), typeof(ItemView), typeof(FieldView), typeof(MenuView), typeof(MenuLinkView) })
        {
            _options.MemberAccessStrategy.Register(type);
        }
    }

    /// <summary>Whether the theme has a template of that name (without <c>.liquid</c>), e.g. <c>fields/TextField</c>.</summary>
    public bool HasTemplate(string name) => _files.GetFileInfo(name + ".liquid").Exists;

    /// <summary>Renders <paramref name="template"/> with <paramref name="model"/> as <paramref name="modelName"/>, inside the layout.</summary>
    public async Task<string> RenderPageAsync(string template, string modelName, object model, PageView page)
    {
        var content = await RenderAsync(template, new Dictionary<string, object> { [modelName] = model });
        return await RenderAsync("layout", new Dictionary<string, object> { ["page"] = page with { Content = content } });
    }

    public async Task<string> RenderAsync(string name, IReadOnlyDictionary<string, object> values)
    {
        var template = _templates.GetOrAdd(name, Load);
        var context = new TemplateContext(_options);
        foreach (var (key, value) in values)
        {
            context.SetValue(key, value);
        }

        return await template.RenderAsync(context, HtmlEncoder.Default);
    }

    private IFluidTemplate Load(string name)
    {
        var file = _files.GetFileInfo(name + ".liquid");
        if (!file.Exists)
        {
            throw new InvalidOperationException($"The preview theme has no template '{name}.liquid'.");
        }

        using var reader = new StreamReader(file.CreateReadStream());
        var source = reader.ReadToEnd();
        return Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"The preview template '{name}.liquid' does not parse: {error}");
    }
}
