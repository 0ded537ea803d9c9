namespace Cms.Security.Keys;

/// <summary>
/// The shared keys cannot be used on this node for a reason the operator fixes in the settings (the key certificate is
/// missing, unreadable or not the one the keys were encrypted with); the message names the setting and the fix.
/// </summary>
public sealed class SharedKeysException : Exception
{
    public SharedKeysException()
        : this("The shared keys cannot be used on this node.")
    {
    }

    public SharedKeysException(string message)
        : base(message)
    {
    }

    public SharedKeysException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
