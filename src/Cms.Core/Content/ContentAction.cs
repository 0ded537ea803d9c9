namespace Cms.Core.Content;

/// <summary>What someone wants to do to an item; the security layer maps it to Orchard Core permissions.</summary>
public enum ContentAction
{
    View,
    Preview,
    Edit,
    Publish,
    Delete,
}
