namespace Cms.Web.Setup;

/// <summary>What <c>user</c> does: <c>reset-password</c> or <c>create-admin</c>.</summary>
public enum UserCommandAction
{
    ResetPassword,
    CreateAdministrator,
}
