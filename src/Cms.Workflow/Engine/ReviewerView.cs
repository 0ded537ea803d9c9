namespace Cms.Workflow.Engine;

/// <summary>A user an item's review may be assigned to.</summary>
public sealed record ReviewerView(string UserId, string UserName, string? DisplayName);
