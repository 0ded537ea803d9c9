namespace Cms.Core.Html;

/// <summary>Cleans editor HTML before it is stored: no scripts, event handlers or <c>javascript:</c> URLs.</summary>
public interface IHtmlSanitizerService
{
    string Sanitize(string html);
}
