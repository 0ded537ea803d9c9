namespace Cms.Core.Content;

/// <summary>One problem with the input, at a JSON path such as <c>$.Article.Section.ContentItemIds[0]</c>.</summary>
public sealed record ContentValidationError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
