using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cms.Data.Migrations.Postgres
{
    /// <summary>
    /// Hand-written (no model change): the <c>tsvector</c> of each <c>ContentSearch</c> row as a stored generated column
    /// (so it is current in the same statement as every write, with no trigger to keep), weighted title A, lead, tags and
    /// authors B, body D, under the <c>english</c> configuration, and its GIN index. Must run after the migration that
    /// creates <c>ContentSearch</c>.
    /// </summary>
    [DbContext(typeof(PostgresCmsDbContext))]
    [Migration("20261201221500_SearchIndexSql")]
    public partial class SearchIndexSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "ContentSearch" ADD COLUMN "Vector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english'::regconfig, "Title"), 'A') ||
                    setweight(to_tsvector('english'::regconfig, "Lead"), 'B') ||
                    setweight(to_tsvector('english'::regconfig, "Tags"), 'B') ||
                    setweight(to_tsvector('english'::regconfig, "Authors"), 'B') ||
                    setweight(to_tsvector('english'::regconfig, "Body"), 'D')) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_ContentSearch_Vector" ON "ContentSearch" USING GIN ("Vector");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_ContentSearch_Vector";""");
            migrationBuilder.Sql("""ALTER TABLE "ContentSearch" DROP COLUMN IF EXISTS "Vector";""");
        }
    }
}
