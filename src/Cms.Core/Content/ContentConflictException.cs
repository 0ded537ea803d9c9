namespace Cms.Core.Content;

/// <summary>
/// A write started from a version that is no longer the latest. Nothing was written. Maps to 409.
/// </summary>
public sealed class ContentConflictException : Exception
{
    public ContentConflictException(string contentItemId, string? expectedVersionId, string? actualVersionId)
        : base($"Content item '{contentItemId}' was changed by someone else: the edit started from version '{expectedVersionId}', the latest is '{actualVersionId}'. Reload and apply your changes again.")
    {
        ContentItemId = contentItemId;
        ExpectedVersionId = expectedVersionId;
        ActualVersionId = actualVersionId;
    }

    public ContentConflictException()
        : this("?", null, null)
    {
    }

    public ContentConflictException(string message)
        : base(message)
    {
        ContentItemId = "?";
    }

    public ContentConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        ContentItemId = "?";
    }

    public string ContentItemId { get; }
    public string? ExpectedVersionId { get; }
    public string? ActualVersionId { get; }
}
