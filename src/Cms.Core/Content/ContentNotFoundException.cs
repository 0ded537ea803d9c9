namespace Cms.Core.Content;

/// <summary>The item (or the version asked for) does not exist. Maps to 404.</summary>
public sealed class ContentNotFoundException : Exception
{
    public ContentNotFoundException(string contentItemId)
        : base($"Content item '{contentItemId}' was not found.")
    {
        ContentItemId = contentItemId;
    }

    public ContentNotFoundException()
        : this("?")
    {
    }

    public ContentNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
        ContentItemId = "?";
    }

    public string ContentItemId { get; }
}
