namespace Cms.Core.Content;

/// <summary>
/// A write over HTTP that did not name the version it started from (<see cref="Missing"/>: 428), or named one that
/// is no longer the latest (412). Nothing was written.
/// </summary>
public sealed class ContentPreconditionException : Exception
{
    public ContentPreconditionException(string message, bool missing)
        : base(message)
    {
        Missing = missing;
    }

    public ContentPreconditionException()
        : this("The write must name the version it started from.", missing: true)
    {
    }

    public ContentPreconditionException(string message)
        : this(message, missing: false)
    {
    }

    public ContentPreconditionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public bool Missing { get; }
}
