namespace Cms.Core.Content;

/// <summary>The current user may not do this to this item. Maps to 403.</summary>
public sealed class ContentAccessDeniedException : Exception
{
    public ContentAccessDeniedException(string permission, string? contentItemId)
        : base(contentItemId is null
            ? $"Access denied: the permission '{permission}' is required."
            : $"Access denied: the permission '{permission}' is required for content item '{contentItemId}'.")
    {
        Permission = permission;
    }

    public ContentAccessDeniedException()
        : this("?", (string?)null)
    {
    }

    public ContentAccessDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Permission = "?";
    }

    public string Permission { get; }
}
