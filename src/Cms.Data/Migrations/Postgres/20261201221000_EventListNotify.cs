using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cms.Data.Migrations.Postgres
{
    /// <summary>
    /// Hand-written (no model change): a statement trigger on the event list sends <c>NOTIFY cms_events</c>, so every
    /// node's listener wakes when a transaction that wrote an entry commits (PostgreSQL delivers a notification only
    /// on commit, and once per transaction however many entries it wrote).
    /// </summary>
    [DbContext(typeof(PostgresCmsDbContext))]
    [Migration("20261201221000_EventListNotify")]
    public partial class EventListNotify : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION cms_notify_event_list() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('cms_events', '');
                    RETURN NULL;
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_notify" AFTER INSERT ON "AuditEvents"
                FOR EACH STATEMENT EXECUTE FUNCTION cms_notify_event_list();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEvents_notify" ON "AuditEvents";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS cms_notify_event_list();");
        }
    }
}
