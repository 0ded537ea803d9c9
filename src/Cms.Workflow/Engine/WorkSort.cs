namespace Cms.Workflow.Engine;

/// <summary>The orders of the editorial desk's list.</summary>
public enum WorkSort
{
    /// <summary>Last change, newest first.</summary>
    Modified,

    /// <summary>Title, A to Z.</summary>
    Title,

    /// <summary>Content type name, A to Z.</summary>
    Type,

    /// <summary>Stage name, A to Z.</summary>
    Stage,

    /// <summary>Creation, newest first.</summary>
    Created,

    /// <summary>Review due date, soonest first.</summary>
    Due,

    /// <summary>Planned publish time, soonest first.</summary>
    Scheduled,
}
