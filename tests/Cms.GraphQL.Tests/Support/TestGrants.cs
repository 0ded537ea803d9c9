using Cms.Core.Content;
using Cms.Core.Security;

namespace Cms.GraphQL.Tests.Support;

/// <summary>
/// What the test caller may do, set by each test. Starts as "everything" so that setup and seeding run; a test
/// calls <see cref="Reset"/> and grants exactly what it needs.
/// </summary>
public sealed class TestGrants
{
    private readonly object _gate = new();
    private bool _allowAll = true;
    private HashSet<string> _permissions = [];
    private Dictionary<(ContentAction, string), AccessScope> _scopes = [];
    private HashSet<string> _deniedItems = [];

    public string? UserId { get; private set; }

    /// <summary>Thrown from GetScopeAsync, to test how unexpected errors are reported.</summary>
    public Exception? FailWith { get; set; }

    public void AllowAll()
    {
        lock (_gate)
        {
            _allowAll = true;
            FailWith = null;
            UserId = null;
        }
    }

    /// <summary>Nothing allowed, caller <paramref name="userId"/> (null: anonymous).</summary>
    public TestGrants Reset(string? userId = null)
    {
        lock (_gate)
        {
            _allowAll = false;
            _permissions = [];
            _scopes = [];
            _deniedItems = [];
            FailWith = null;
            UserId = userId;
        }

        return this;
    }

    /// <summary>What the newsroom recipe gives the Anonymous role: ExecuteGraphQL and View on every type.</summary>
    public TestGrants Anonymous() => Reset().Permit(Permissions.ExecuteGraphQL).Scope(ContentAction.View, AccessScope.All, "Article", "Author", "Section", "Event");

    public TestGrants Permit(string permission)
    {
        lock (_gate)
        {
            _permissions.Add(permission);
        }

        return this;
    }

    public TestGrants Scope(ContentAction action, AccessScope scope, params string[] types)
    {
        lock (_gate)
        {
            foreach (var type in types)
            {
                _scopes[(action, type)] = scope;
            }
        }

        return this;
    }

    public TestGrants DenyItem(string contentItemId)
    {
        lock (_gate)
        {
            _deniedItems.Add(contentItemId);
        }

        return this;
    }

    public bool HasPermission(string permission)
    {
        lock (_gate)
        {
            return _allowAll || _permissions.Contains(permission);
        }
    }

    public AccessScope GetScope(ContentAction action, string contentType)
    {
        lock (_gate)
        {
            if (FailWith is { } failure)
            {
                throw failure;
            }

            return _allowAll ? AccessScope.All : _scopes.GetValueOrDefault((action, contentType), AccessScope.None);
        }
    }

    public bool IsAllowed(ContentAction action, ContentItem item)
    {
        lock (_gate)
        {
            if (_allowAll)
            {
                return true;
            }

            if (_deniedItems.Contains(item.ContentItemId))
            {
                return false;
            }

            return _scopes.GetValueOrDefault((action, item.ContentType), AccessScope.None) switch
            {
                AccessScope.All => true,
                AccessScope.Own => UserId is not null && item.Owner == UserId,
                _ => false,
            };
        }
    }
}
