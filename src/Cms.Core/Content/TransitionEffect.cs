namespace Cms.Core.Content;

/// <summary>What a transition does to the versions besides setting the stage.</summary>
public enum TransitionEffect
{
    /// <summary>Only the latest version's stage changes.</summary>
    None,

    /// <summary>The latest version becomes the published one.</summary>
    Publish,

    /// <summary>The published version is taken offline.</summary>
    Unpublish,
}
