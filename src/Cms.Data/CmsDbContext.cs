using Cms.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cms.Data;

/// <summary>
/// The CMS database: content versions and their field index tables, named documents, users and roles
/// (ASP.NET Core Identity) and the OpenID Connect tables (OpenIddict). One context, so a recipe that
/// touches definitions, content and roles runs in one transaction. Each provider has its own subclass
/// only so that each keeps its own migrations.
/// </summary>
public abstract class CmsDbContext(DbContextOptions options) : IdentityDbContext<CmsUser, CmsRole, string>(options), IDataProtectionKeyContext
{
    public const int IndexedTextLength = 512;

    public DbSet<ContentItemRecord> ContentItems => Set<ContentItemRecord>();
    public DbSet<DocumentRecord> Documents => Set<DocumentRecord>();
    public DbSet<TextFieldIndexRecord> TextFieldIndex => Set<TextFieldIndexRecord>();
    public DbSet<NumericFieldIndexRecord> NumericFieldIndex => Set<NumericFieldIndexRecord>();
    public DbSet<BooleanFieldIndexRecord> BooleanFieldIndex => Set<BooleanFieldIndexRecord>();
    public DbSet<DateTimeFieldIndexRecord> DateTimeFieldIndex => Set<DateTimeFieldIndexRecord>();
    public DbSet<ContentPickerFieldIndexRecord> ContentPickerFieldIndex => Set<ContentPickerFieldIndexRecord>();
    public DbSet<AuditEventRecord> AuditEvents => Set<AuditEventRecord>();
    public DbSet<ContentCommentRecord> ContentComments => Set<ContentCommentRecord>();
    public DbSet<ContentScheduleRecord> ContentSchedules => Set<ContentScheduleRecord>();
    public DbSet<MediaItemRecord> MediaItems => Set<MediaItemRecord>();
    public DbSet<ContentAutosaveRecord> ContentAutosaves => Set<ContentAutosaveRecord>();
    public DbSet<PreviewLinkRecord> PreviewLinks => Set<PreviewLinkRecord>();
    public DbSet<ContentSearchRecord> ContentSearch => Set<ContentSearchRecord>();

    /// <summary>The data-protection key ring (cookies, antiforgery, two-factor tokens), shared by every node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<OpenIdKeyRecord> OpenIdKeys => Set<OpenIdKeyRecord>();
    public DbSet<WebhookEndpointRecord> WebhookEndpoints => Set<WebhookEndpointRecord>();
    public DbSet<WebhookDeliveryRecord> WebhookDeliveries => Set<WebhookDeliveryRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC: SQLite hands back "unspecified", PostgreSQL insists on UTC for timestamptz.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();

        builder.Entity<CmsUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(256);
        });
        builder.Entity<CmsRole>(role =>
        {
            role.Property(r => r.Description).HasMaxLength(1024);
        });

        builder.Entity<DocumentRecord>(document =>
        {
            document.ToTable("Documents");
            document.HasKey(d => d.Name);
            document.Property(d => d.Name).HasMaxLength(128);
            document.Property(d => d.Revision).IsConcurrencyToken();
        });

        builder.Entity<ContentItemRecord>(item =>
        {
            item.ToTable("ContentItems");
            item.HasKey(i => i.Id);
            item.Property(i => i.ContentItemId).HasMaxLength(64).IsRequired();
            item.Property(i => i.ContentItemVersionId).HasMaxLength(64).IsRequired();
            item.Property(i => i.ContentType).HasMaxLength(64).IsRequired();
            item.Property(i => i.DisplayText).HasMaxLength(512);
            item.Property(i => i.Path).HasMaxLength(512);
            item.Property(i => i.Owner).HasMaxLength(64);
            item.Property(i => i.Author).HasMaxLength(256);
            item.Property(i => i.Stage).HasMaxLength(32).IsRequired().HasDefaultValue("Draft");
            item.Property(i => i.AssignedTo).HasMaxLength(64);
            item.Property(i => i.Revision).IsConcurrencyToken();
            item.HasIndex(i => i.ContentItemVersionId).IsUnique();
            item.HasIndex(i => new { i.ContentItemId, i.Latest, i.Published });
            item.HasIndex(i => new { i.ContentType, i.Published, i.PublishedUtc });
            item.HasIndex(i => new { i.ContentType, i.Published, i.CreatedUtc });
            item.HasIndex(i => new { i.ContentType, i.Latest, i.ModifiedUtc });
            item.HasIndex(i => new { i.ContentType, i.Latest, i.CreatedUtc });
            item.HasIndex(i => i.Path);
            item.HasIndex(i => new { i.Latest, i.Stage, i.ModifiedUtc });
            item.HasIndex(i => new { i.AssignedTo, i.Latest });
            item.HasMany(i => i.TextFields).WithOne().HasForeignKey(f => f.DocumentId).OnDelete(DeleteBehavior.Cascade);
            item.HasMany(i => i.NumericFields).WithOne().HasForeignKey(f => f.DocumentId).OnDelete(DeleteBehavior.Cascade);
            item.HasMany(i => i.BooleanFields).WithOne().HasForeignKey(f => f.DocumentId).OnDelete(DeleteBehavior.Cascade);
            item.HasMany(i => i.DateTimeFields).WithOne().HasForeignKey(f => f.DocumentId).OnDelete(DeleteBehavior.Cascade);
            item.HasMany(i => i.ContentPickerFields).WithOne().HasForeignKey(f => f.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AuditEventRecord>(audit =>
        {
            audit.ToTable("AuditEvents");
            audit.HasKey(a => a.Id);
            audit.Property(a => a.Kind).HasMaxLength(64).IsRequired();
            audit.Property(a => a.ActorId).HasMaxLength(256);
            audit.Property(a => a.ActorName).HasMaxLength(256);
            audit.Property(a => a.ClientId).HasMaxLength(256);
            audit.Property(a => a.IpAddress).HasMaxLength(64);
            audit.Property(a => a.TargetType).HasMaxLength(32).IsRequired();
            audit.Property(a => a.TargetId).HasMaxLength(256);
            audit.Property(a => a.ContentType).HasMaxLength(64);
            audit.Property(a => a.ContentItemVersionId).HasMaxLength(64);
            audit.Property(a => a.FromStage).HasMaxLength(32);
            audit.Property(a => a.ToStage).HasMaxLength(32);
            audit.Property(a => a.Summary).HasMaxLength(2048);
            audit.Property(a => a.Origin).HasMaxLength(64);
            audit.HasIndex(a => a.OccurredUtc);
            audit.HasIndex(a => new { a.TargetType, a.TargetId, a.Id });
            audit.HasIndex(a => new { a.ActorId, a.Id });
            audit.HasIndex(a => new { a.Kind, a.Id });
        });

        builder.Entity<DataProtectionKey>(key =>
        {
            key.ToTable("DataProtectionKeys");
            key.Property(k => k.FriendlyName).HasMaxLength(256);
        });

        builder.Entity<OpenIdKeyRecord>(key =>
        {
            key.ToTable("OpenIdKeys");
            key.HasKey(k => k.Id);
            key.Property(k => k.Purpose).HasMaxLength(16).IsRequired();
            key.Property(k => k.Data).IsRequired();
            key.HasIndex(k => new { k.Purpose, k.Generation }).IsUnique();
        });

        builder.Entity<ContentCommentRecord>(comment =>
        {
            comment.ToTable("ContentComments");
            comment.HasKey(c => c.Id);
            comment.Property(c => c.CommentId).HasMaxLength(64).IsRequired();
            comment.Property(c => c.ContentItemId).HasMaxLength(64).IsRequired();
            comment.Property(c => c.ContentItemVersionId).HasMaxLength(64).IsRequired();
            comment.Property(c => c.AuthorId).HasMaxLength(256);
            comment.Property(c => c.AuthorName).HasMaxLength(256);
            comment.Property(c => c.Text).IsRequired();
            comment.Property(c => c.Transition).HasMaxLength(32);
            comment.HasIndex(c => c.CommentId).IsUnique();
            comment.HasIndex(c => new { c.ContentItemId, c.Id });
        });

        builder.Entity<ContentScheduleRecord>(schedule =>
        {
            schedule.ToTable("ContentSchedules");
            schedule.HasKey(s => s.Id);
            schedule.Property(s => s.ContentItemId).HasMaxLength(64).IsRequired();
            schedule.Property(s => s.ContentItemVersionId).HasMaxLength(64).IsRequired();
            schedule.Property(s => s.Action).HasMaxLength(16).IsRequired();
            schedule.Property(s => s.Status).HasMaxLength(16).IsRequired();
            schedule.Property(s => s.ClaimToken).HasMaxLength(64);
            schedule.Property(s => s.CreatedBy).HasMaxLength(256);
            schedule.Property(s => s.Reason).HasMaxLength(1024);
            schedule.HasIndex(s => new { s.Status, s.DueUtc });
            schedule.HasIndex(s => new { s.ContentItemId, s.Status });
        });

        ConfigureFieldIndex<TextFieldIndexRecord>(builder, "TextFieldIndex").Property(f => f.Value).HasMaxLength(IndexedTextLength);
        ConfigureFieldIndex<NumericFieldIndexRecord>(builder, "NumericFieldIndex");
        ConfigureFieldIndex<BooleanFieldIndexRecord>(builder, "BooleanFieldIndex");
        ConfigureFieldIndex<DateTimeFieldIndexRecord>(builder, "DateTimeFieldIndex");
        ConfigureFieldIndex<ContentPickerFieldIndexRecord>(builder, "ContentPickerFieldIndex").Property(f => f.Value).HasMaxLength(64);
        ConfigureMedia(builder);
        ConfigureAutosaves(builder);
        ConfigurePreviewLinks(builder);
        ConfigureSearch(builder);
        ConfigureWebhooks(builder);
    }

    private static void ConfigureWebhooks(ModelBuilder builder)
    {
        builder.Entity<WebhookEndpointRecord>(endpoint =>
        {
            endpoint.ToTable("WebhookEndpoints");
            endpoint.HasKey(e => e.Id);
            endpoint.Property(e => e.Id).HasMaxLength(32);
            endpoint.Property(e => e.Url).HasMaxLength(2048).IsRequired();
            endpoint.Property(e => e.Description).HasMaxLength(256);
            endpoint.Property(e => e.Events).HasMaxLength(128).IsRequired();
            endpoint.Property(e => e.ContentTypes).HasMaxLength(1024);
            endpoint.Property(e => e.ProtectedSecret).IsRequired();
            endpoint.Property(e => e.CreatedBy).HasMaxLength(256);
        });

        builder.Entity<WebhookDeliveryRecord>(delivery =>
        {
            delivery.ToTable("WebhookDeliveries");
            delivery.HasKey(d => d.Id);
            delivery.Property(d => d.EndpointId).HasMaxLength(32).IsRequired();
            delivery.Property(d => d.MessageId).HasMaxLength(64).IsRequired();
            delivery.Property(d => d.EventId).HasMaxLength(64).IsRequired();
            delivery.Property(d => d.EventType).HasMaxLength(64).IsRequired();
            delivery.Property(d => d.ContentType).HasMaxLength(64).IsRequired();
            delivery.Property(d => d.ContentItemId).HasMaxLength(64).IsRequired();
            delivery.Property(d => d.ContentItemVersionId).HasMaxLength(64);
            delivery.Property(d => d.Path).HasMaxLength(512);
            delivery.Property(d => d.Status).HasMaxLength(16).IsRequired();
            delivery.Property(d => d.ClaimToken).HasMaxLength(96);
            delivery.Property(d => d.LastError).HasMaxLength(512);
            delivery.Property(d => d.ResponseExcerpt).HasMaxLength(512);
            delivery.HasIndex(d => d.MessageId).IsUnique();
            delivery.HasIndex(d => new { d.Status, d.NextAttemptUtc });
            delivery.HasIndex(d => new { d.EndpointId, d.Id });
            delivery.HasOne<WebhookEndpointRecord>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    private static void ConfigureSearch(ModelBuilder builder) =>
        builder.Entity<ContentSearchRecord>(search =>
        {
            // The triggers (SQLite) that keep the full-text table current are made by the SearchIndexSql migration;
            // naming them here stops EF Core from reading generated values back with RETURNING, which triggers break.
            search.ToTable("ContentSearch", t =>
            {
                t.HasTrigger("ContentSearch_ai");
                t.HasTrigger("ContentSearch_ad");
                t.HasTrigger("ContentSearch_au");
            });
            search.HasKey(s => s.Id);
            search.Property(s => s.ContentItemId).HasMaxLength(64).IsRequired();
            search.Property(s => s.ContentType).HasMaxLength(64).IsRequired();
            search.Property(s => s.Title).IsRequired();
            search.Property(s => s.Lead).IsRequired();
            search.Property(s => s.Body).IsRequired();
            search.Property(s => s.Tags).IsRequired();
            search.Property(s => s.Authors).IsRequired();
            search.HasIndex(s => s.ContentItemId).IsUnique();
            search.HasIndex(s => s.DocumentId);
            search.HasOne(s => s.Document).WithMany().HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });

    private static void ConfigureAutosaves(ModelBuilder builder) =>
        builder.Entity<ContentAutosaveRecord>(autosave =>
        {
            autosave.ToTable("ContentAutosaves");
            autosave.HasKey(a => a.Id);
            autosave.Property(a => a.UserId).HasMaxLength(256).IsRequired();
            autosave.Property(a => a.ItemKey).HasMaxLength(128).IsRequired();
            autosave.Property(a => a.ContentType).HasMaxLength(64).IsRequired();
            autosave.Property(a => a.Data).IsRequired();
            autosave.Property(a => a.BaseVersionId).HasMaxLength(64);
            autosave.HasIndex(a => new { a.UserId, a.ItemKey }).IsUnique();
            autosave.HasIndex(a => a.ItemKey);
        });

    private static void ConfigureMedia(ModelBuilder builder) =>
        builder.Entity<MediaItemRecord>(media =>
        {
            media.ToTable("MediaItems");
            media.HasKey(m => m.Id);
            media.Property(m => m.Id).HasMaxLength(64);
            media.Property(m => m.Path).HasMaxLength(IndexedTextLength).IsRequired();
            media.Property(m => m.Folder).HasMaxLength(IndexedTextLength).IsRequired();
            media.Property(m => m.FileName).HasMaxLength(256).IsRequired();
            media.Property(m => m.OriginalName).HasMaxLength(256).IsRequired();
            media.Property(m => m.Format).HasMaxLength(16).IsRequired();
            media.Property(m => m.MimeType).HasMaxLength(64).IsRequired();
            media.Property(m => m.ContentHash).HasMaxLength(64).IsRequired();
            media.Property(m => m.AltText).HasMaxLength(1024);
            media.Property(m => m.Caption).HasMaxLength(2048);
            media.Property(m => m.Credit).HasMaxLength(512);
            media.Property(m => m.CreatedBy).HasMaxLength(256).IsRequired();
            media.Property(m => m.CreatedById).HasMaxLength(256);
            media.HasIndex(m => m.Path).IsUnique();
            media.HasIndex(m => new { m.Folder, m.CreatedUtc });
            media.HasIndex(m => m.CreatedUtc);
            media.HasIndex(m => m.ContentHash);
        });

    private static void ConfigurePreviewLinks(ModelBuilder builder) =>
        builder.Entity<PreviewLinkRecord>(link =>
        {
            link.ToTable("PreviewLinks");
            link.HasKey(l => l.Id);
            link.Property(l => l.Id).HasMaxLength(32);
            link.Property(l => l.ContentItemId).HasMaxLength(64).IsRequired();
            link.Property(l => l.TokenHash).HasMaxLength(64).IsRequired();
            link.Property(l => l.CreatedBy).HasMaxLength(256);
            link.Property(l => l.CreatedByName).HasMaxLength(256);
            link.HasIndex(l => l.TokenHash).IsUnique();
            link.HasIndex(l => new { l.ContentItemId, l.CreatedUtc });
        });

    private static Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> ConfigureFieldIndex<T>(ModelBuilder builder, string table)
        where T : FieldIndexRecord
    {
        var entity = builder.Entity<T>();
        entity.ToTable(table);
        entity.HasKey(f => f.Id);
        entity.Property(f => f.ContentType).HasMaxLength(64).IsRequired();
        entity.Property(f => f.PartName).HasMaxLength(64).IsRequired();
        entity.Property(f => f.FieldName).HasMaxLength(64).IsRequired();
        if (typeof(T) == typeof(ContentPickerFieldIndexRecord))
        {
            // "The newest of a section" walks the newest items and asks, of each, whether it picks the section: with the
            // value in this index the answer comes from the index alone, without a read of the row (a third less time
            // for that query on SQLite). Picked ids are short; text values would make the index as large as the table.
            entity.HasIndex(nameof(FieldIndexRecord.DocumentId), nameof(FieldIndexRecord.PartName), nameof(FieldIndexRecord.FieldName), "Value");
        }
        else
        {
            entity.HasIndex(nameof(FieldIndexRecord.DocumentId), nameof(FieldIndexRecord.PartName), nameof(FieldIndexRecord.FieldName));
        }

        if (typeof(T) == typeof(ContentPickerFieldIndexRecord))
        {
            // The published items that pick one item, newest first, as one range in order (see ContentPickerFieldIndexRecord).
            entity.HasIndex(
                nameof(FieldIndexRecord.ContentType),
                nameof(FieldIndexRecord.PartName),
                nameof(FieldIndexRecord.FieldName),
                "Value",
                nameof(ContentPickerFieldIndexRecord.Published),
                nameof(ContentPickerFieldIndexRecord.PublishedUtc),
                nameof(FieldIndexRecord.DocumentId)).HasDatabaseName("IX_ContentPickerFieldIndex_Picked");
        }
        else
        {
            entity.HasIndex(nameof(FieldIndexRecord.ContentType), nameof(FieldIndexRecord.PartName), nameof(FieldIndexRecord.FieldName), "Value");
        }

        return entity;
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v.HasValue ? (v.Value.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc)) : v,
        v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
}
