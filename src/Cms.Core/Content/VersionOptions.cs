namespace Cms.Core.Content;

/// <summary>Which version of an item to load.</summary>
public enum VersionOptions
{
    /// <summary>The latest version, draft or published.</summary>
    Latest,

    /// <summary>The published version only.</summary>
    Published,
}
