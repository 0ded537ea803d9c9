using Cms.Core.Audit;
using Cms.Core.Content;
using Cms.Data.Stores;
using Cms.Data;
using Cms.Data.Entities;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OpenIddict.EntityFrameworkCore.Models;

namespace Cms.Security.Audit;

/// <summary>
/// Writes the audit entries of security changes into the same save (and so the same transaction) as the change:
/// users created, disabled, enabled, unlocked, their password, roles or two-factor sign-in changed; roles and their permissions;
/// API clients; tokens revoked; and documents (content definitions, workflows, site settings, media profiles), whose
/// entries other nodes read to drop what they cached. Every entry point (admin screens, recipes, the command line, Identity's managers,
/// OpenIddict) saves through the CMS context, so none can skip it. Passwords, hashes and secrets are never copied.
/// </summary>
public sealed class SecurityAuditInterceptor(IHttpContextAccessor http, TimeProvider clock, AuditOrigin origin) : ISaveChangesInterceptor
{
    public const string DocumentUpdated = "document.updated";

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is not CmsDbContext db)
        {
            return;
        }

        db.ChangeTracker.DetectChanges();
        var entries = new List<(string Kind, string TargetType, string? TargetId, string? Summary)>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case CmsUser user:
                    entries.AddRange(UserChanges(entry, user));
                    break;
                case IdentityUserRole<string> link when entry.State is EntityState.Added or EntityState.Deleted:
                    entries.Add((entry.State == EntityState.Added ? "user.role-added" : "user.role-removed", AuditTargets.User, link.UserId, RoleName(db, link.RoleId)));
                    break;
                case CmsRole role when entry.State is EntityState.Added or EntityState.Deleted or EntityState.Modified:
                    entries.Add(("role." + Verb(entry.State), AuditTargets.Role, role.Name, role.Name));
                    break;
                case IdentityRoleClaim<string> claim when entry.State is EntityState.Added or EntityState.Deleted && claim.ClaimType == CmsClaimTypes.Permission:
                    entries.Add((entry.State == EntityState.Added ? "role.permission-granted" : "role.permission-revoked", AuditTargets.Role, RoleName(db, claim.RoleId), claim.ClaimValue));
                    break;
                case OpenIddictEntityFrameworkCoreApplication application when entry.State is EntityState.Added or EntityState.Deleted or EntityState.Modified:
                    entries.Add(("client." + Verb(entry.State), AuditTargets.Client, application.ClientId, application.DisplayName));
                    break;
                case OpenIddictEntityFrameworkCoreToken token when entry.State == EntityState.Modified
                    && entry.Property(nameof(OpenIddictEntityFrameworkCoreToken.Status)).IsModified
                    && string.Equals(token.Status, OpenIddict.Abstractions.OpenIddictConstants.Statuses.Revoked, StringComparison.Ordinal):
                    entries.Add(("token.revoked", AuditTargets.Token, token.Id, token.Type));
                    break;
                case DocumentRecord document when entry.State is EntityState.Added or EntityState.Deleted or EntityState.Modified:
                    // Definitions, workflows, settings, media profiles: the entry also tells other nodes to reload them.
                    entries.Add((DocumentUpdated, AuditTargets.Document, document.Name, document.Name));
                    break;
            }
        }

        if (entries.Count == 0)
        {
            return;
        }

        var actor = http.HttpContext is { } request ? request.User.ToActor(request.Connection) : ContentActor.System;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (kind, targetType, targetId, summary) in entries)
        {
            db.AuditEvents.Add(EfAuditLog.ToRecord(new AuditEntry(kind, targetType, targetId) { Summary = summary }, actor, now, origin));
        }
    }

    private IEnumerable<(string, string, string?, string?)> UserChanges(EntityEntry entry, CmsUser user)
    {
        if (entry.State == EntityState.Added)
        {
            yield return ("user.created", AuditTargets.User, user.Id, user.UserName);
            yield break;
        }

        if (entry.State == EntityState.Deleted)
        {
            yield return ("user.deleted", AuditTargets.User, user.Id, user.UserName);
            yield break;
        }

        if (entry.State != EntityState.Modified)
        {
            yield break;
        }

        if (Changed(entry, nameof(CmsUser.IsEnabled)))
        {
            yield return (user.IsEnabled ? "user.enabled" : "user.disabled", AuditTargets.User, user.Id, user.UserName);
        }

        if (Changed(entry, nameof(CmsUser.PasswordHash)))
        {
            yield return ("user.password-changed", AuditTargets.User, user.Id, user.UserName);
        }

        if (Changed(entry, nameof(CmsUser.TwoFactorEnabled)))
        {
            yield return (user.TwoFactorEnabled ? "user.two-factor-enabled" : "user.two-factor-disabled", AuditTargets.User, user.Id, user.UserName);
        }

        if (Changed(entry, nameof(CmsUser.LockoutEnd)))
        {
            yield return (user.LockoutEnd is { } end && end > clock.GetUtcNow() ? "user.locked" : "user.unlocked", AuditTargets.User, user.Id, user.UserName);
        }

        if (Changed(entry, nameof(CmsUser.UserName)) || Changed(entry, nameof(CmsUser.Email)) || Changed(entry, nameof(CmsUser.DisplayName)))
        {
            yield return ("user.updated", AuditTargets.User, user.Id, user.UserName);
        }
    }

    private static bool Changed(EntityEntry entry, string property)
    {
        var p = entry.Property(property);
        return p.IsModified && !Equals(p.OriginalValue, p.CurrentValue);
    }

    private static string Verb(EntityState state) => state switch
    {
        EntityState.Added => "created",
        EntityState.Deleted => "deleted",
        _ => "updated",
    };

    private static string? RoleName(CmsDbContext db, string roleId) =>
        db.ChangeTracker.Entries<CmsRole>().FirstOrDefault(r => r.Entity.Id == roleId)?.Entity.Name
        ?? db.Roles.AsNoTracking().Where(r => r.Id == roleId).Select(r => r.Name).FirstOrDefault();
}
