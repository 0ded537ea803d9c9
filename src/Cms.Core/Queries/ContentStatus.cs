namespace Cms.Core.Queries;

/// <summary>Which versions a query reads, as in Orchard Core's GraphQL <c>status</c> argument.</summary>
public enum ContentStatus
{
    /// <summary>The published version of each item.</summary>
    Published,

    /// <summary>The latest version where it is not published.</summary>
    Draft,

    /// <summary>The latest version of each item, published or not.</summary>
    Latest,

    /// <summary>Every version of every item.</summary>
    All,
}
