using Cms.Core.Content;
using Cms.Core.Security;

namespace Cms.Data.Tests.Support;

/// <summary>
/// The caller of a test scope: who they are, which actions are refused, and an optional gate that holds an edit
/// after the item is loaded (to make two writers start from the same version).
/// </summary>
public sealed class TestContentAccess : IContentAccess
{
    public ContentActor Actor { get; set; } = new("user-1", "editor", IsSystem: false);

    public HashSet<ContentAction> Denied { get; } = [];

    public RaceGate? EditGate { get; set; }

    public async Task<bool> IsAllowedAsync(ContentAction action, ContentItem item, CancellationToken cancellationToken = default)
    {
        if (action == ContentAction.Edit && EditGate is { } gate)
        {
            await gate.ArriveAsync();
        }

        return !Denied.Contains(action);
    }

    public Task<AccessScope> GetScopeAsync(ContentAction action, string contentType, CancellationToken cancellationToken = default) =>
        Task.FromResult(Denied.Contains(action) ? AccessScope.None : AccessScope.All);

    public Task<bool> HasPermissionAsync(string permission, CancellationToken cancellationToken = default) => Task.FromResult(true);
}
