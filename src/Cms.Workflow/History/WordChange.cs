namespace Cms.Workflow.History;

/// <summary>A run of words in a word diff: <c>equal</c>, <c>inserted</c> or <c>deleted</c>.</summary>
public sealed record WordChange(string Op, string Text);
