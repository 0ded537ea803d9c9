namespace Cms.Security.Administration;

/// <summary>One problem with an administration request: the input field it concerns (empty for the whole request) and a message for people.</summary>
public sealed record AdminError(string Field, string Message);
