namespace Cms.Web.Setup;

/// <summary>A parsed <c>user</c> command line: the action, the user name, an email for a new user and the host's own arguments.</summary>
public sealed record UserInvocation(UserCommandAction Action, string UserName, string? Email, string[] HostArgs);
