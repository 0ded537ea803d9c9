namespace Cms.Core.Content;

/// <summary>The item's stage does not allow this transition or edit (e.g. publishing a draft that was never approved). Maps to 409.</summary>
public sealed class ContentTransitionException : Exception
{
    public ContentTransitionException(string transition, string? stage, string message)
        : base(message)
    {
        Transition = transition;
        Stage = stage;
    }

    public ContentTransitionException()
        : this("?", null, "This transition is not allowed.")
    {
    }

    public ContentTransitionException(string message)
        : this("?", null, message)
    {
    }

    public ContentTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Transition = "?";
    }

    public string Transition { get; }
    public string? Stage { get; }
}
