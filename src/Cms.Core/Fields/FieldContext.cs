using Cms.Core.Content;
using Cms.Core.Html;
using Cms.Core.Metadata;

namespace Cms.Core.Fields;

/// <summary>What a field kind needs while it checks and cleans a value: where it is, and where to report.</summary>
public sealed class FieldContext(string path, ContentPartFieldDefinition definition, IHtmlSanitizerService sanitizer, List<ContentValidationError> errors)
{
    public string Path { get; } = path;
    public ContentPartFieldDefinition Definition { get; } = definition;
    public IHtmlSanitizerService Sanitizer { get; } = sanitizer;

    public void Error(string relativePath, string message) =>
        errors.Add(new ContentValidationError(relativePath.Length == 0 ? Path : $"{Path}.{relativePath}", message));
}
