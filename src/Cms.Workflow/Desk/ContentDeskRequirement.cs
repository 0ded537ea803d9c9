using Microsoft.AspNetCore.Authorization;

namespace Cms.Workflow.Desk;

/// <summary>
/// The policy <see cref="PolicyName"/>: the caller works on some content type (may preview or edit some of its items,
/// see <see cref="ContentDesk.IsOnDeskAsync"/>). Guards the admin's content list and its navigation entry.
/// </summary>
public sealed class ContentDeskRequirement : IAuthorizationRequirement
{
    public const string PolicyName = "ContentDesk";

    public override string ToString() => "Preview or edit some content type";
}
