namespace Cms.Core.Security;

/// <summary>User ids and names, for what carries a user from one site to another by name (exports and imports).</summary>
public interface IUserDirectory
{
    /// <summary>The user names of the given ids; ids of no user are left out.</summary>
    Task<IReadOnlyDictionary<string, string>> GetUserNamesAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default);

    /// <summary>The id of the user with this name (ignoring case, as sign-in does), or null.</summary>
    Task<string?> FindIdByUserNameAsync(string userName, CancellationToken cancellationToken = default);
}
