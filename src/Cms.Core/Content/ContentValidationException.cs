namespace Cms.Core.Content;

/// <summary>Bad input: a field of the wrong shape, an unknown type, a missing required value. Maps to 400.</summary>
public sealed class ContentValidationException : Exception
{
    public ContentValidationException(IReadOnlyList<ContentValidationError> errors)
        : base(string.Join("; ", errors.Select(e => e.ToString())))
    {
        Errors = errors;
    }

    public ContentValidationException(string path, string message)
        : this([new ContentValidationError(path, message)])
    {
    }

    public ContentValidationException()
        : this([])
    {
    }

    public ContentValidationException(string message)
        : this("$", message)
    {
    }

    public ContentValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new ContentValidationError("$", message)];
    }

    public IReadOnlyList<ContentValidationError> Errors { get; }
}
