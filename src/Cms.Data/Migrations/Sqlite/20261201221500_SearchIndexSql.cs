using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cms.Data.Migrations.Sqlite
{
    /// <summary>
    /// Hand-written (no model change): the FTS5 index over <c>ContentSearch</c>. An external-content table, so the text
    /// is stored once (in <c>ContentSearch</c>, where <c>snippet()</c> reads it), kept current by triggers in the same
    /// transaction as every write of a row. Porter stemming over unicode61 with diacritics folded, close to PostgreSQL's
    /// <c>english</c> configuration. Must run after the migration that creates <c>ContentSearch</c>.
    /// </summary>
    [DbContext(typeof(SqliteCmsDbContext))]
    [Migration("20261201221500_SearchIndexSql")]
    public partial class SearchIndexSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ContentSearchFts" USING fts5(
                    "Title", "Lead", "Body", "Tags", "Authors",
                    content='ContentSearch', content_rowid='Id',
                    tokenize='porter unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ContentSearch_ai" AFTER INSERT ON "ContentSearch" BEGIN
                    INSERT INTO "ContentSearchFts"(rowid, "Title", "Lead", "Body", "Tags", "Authors")
                    VALUES (new."Id", new."Title", new."Lead", new."Body", new."Tags", new."Authors");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ContentSearch_ad" AFTER DELETE ON "ContentSearch" BEGIN
                    INSERT INTO "ContentSearchFts"("ContentSearchFts", rowid, "Title", "Lead", "Body", "Tags", "Authors")
                    VALUES ('delete', old."Id", old."Title", old."Lead", old."Body", old."Tags", old."Authors");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ContentSearch_au" AFTER UPDATE ON "ContentSearch" BEGIN
                    INSERT INTO "ContentSearchFts"("ContentSearchFts", rowid, "Title", "Lead", "Body", "Tags", "Authors")
                    VALUES ('delete', old."Id", old."Title", old."Lead", old."Body", old."Tags", old."Authors");
                    INSERT INTO "ContentSearchFts"(rowid, "Title", "Lead", "Body", "Tags", "Authors")
                    VALUES (new."Id", new."Title", new."Lead", new."Body", new."Tags", new."Authors");
                END;
                """);
            migrationBuilder.Sql("""INSERT INTO "ContentSearchFts"("ContentSearchFts") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "ContentSearch_au";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "ContentSearch_ad";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "ContentSearch_ai";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ContentSearchFts";""");
        }
    }
}
