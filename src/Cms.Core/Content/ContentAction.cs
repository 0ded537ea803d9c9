namespace Cms.Core.Content;

/// <summary>What someone wants to do to an item; the security layer maps it to Orchard Core permissions.</summary>
public enum ContentAction
{
    View,
    Preview,
    Edit,
    Publish,
    Delete,

    /// <summary>Send an item for review, or pull it back (<c>Submit_{Type}</c>, <c>SubmitOwn_{Type}</c>).</summary>
    Submit,

    /// <summary>Approve an item or request changes (<c>Review_{Type}</c>; there is no "own" variant).</summary>
    Review,
}
