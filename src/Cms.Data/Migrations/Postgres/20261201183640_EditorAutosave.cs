using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cms.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EditorAutosave : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContentAutosaves",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ItemKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Data = table.Column<string>(type: "text", nullable: false),
                    BaseVersionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SavedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentAutosaves", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContentAutosaves_ItemKey",
                table: "ContentAutosaves",
                column: "ItemKey");

            migrationBuilder.CreateIndex(
                name: "IX_ContentAutosaves_UserId_ItemKey",
                table: "ContentAutosaves",
                columns: new[] { "UserId", "ItemKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentAutosaves");
        }
    }
}
