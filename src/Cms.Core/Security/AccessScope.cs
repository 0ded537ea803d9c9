namespace Cms.Core.Security;

/// <summary>How far a permission reaches for a content type: nothing, the caller's own items, or every item.</summary>
public enum AccessScope
{
    None,
    Own,
    All,
}
