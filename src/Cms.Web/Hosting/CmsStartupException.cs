namespace Cms.Web.Hosting;

/// <summary>The CMS cannot start for a reason the operator can fix; the message says what is wrong and what would fix it.</summary>
public sealed class CmsStartupException : Exception
{
    public CmsStartupException()
        : this("The CMS could not start.")
    {
    }

    public CmsStartupException(string message)
        : base(message)
    {
    }

    public CmsStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
