namespace Cms.Core.Content;

/// <summary>
/// What a workflow allows a transition to do: the stage it leads to, the permission it needs (checked on the
/// item, so "own" permissions count), its effect on the versions, and whether a comment must explain it.
/// </summary>
public sealed record TransitionPlan(string Name, string ToStage, ContentAction Permission, TransitionEffect Effect, bool RequiresComment = false);
