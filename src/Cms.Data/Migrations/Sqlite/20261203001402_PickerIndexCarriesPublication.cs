using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cms.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PickerIndexCarriesPublication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentPickerFieldIndex_ContentType_PartName_FieldName_Value",
                table: "ContentPickerFieldIndex");

            migrationBuilder.AddColumn<bool>(
                name: "Published",
                table: "ContentPickerFieldIndex",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedUtc",
                table: "ContentPickerFieldIndex",
                type: "TEXT",
                nullable: true);

            // Rows written before this migration take their version's flag and date (the same statement on both databases).
            migrationBuilder.Sql(
                """
                UPDATE "ContentPickerFieldIndex" SET "Published" = c."Published", "PublishedUtc" = c."PublishedUtc"
                FROM "ContentItems" AS c
                WHERE c."Id" = "ContentPickerFieldIndex"."DocumentId"
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ContentPickerFieldIndex_Picked",
                table: "ContentPickerFieldIndex",
                columns: new[] { "ContentType", "PartName", "FieldName", "Value", "Published", "PublishedUtc", "DocumentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentPickerFieldIndex_Picked",
                table: "ContentPickerFieldIndex");

            migrationBuilder.DropColumn(
                name: "Published",
                table: "ContentPickerFieldIndex");

            migrationBuilder.DropColumn(
                name: "PublishedUtc",
                table: "ContentPickerFieldIndex");

            migrationBuilder.CreateIndex(
                name: "IX_ContentPickerFieldIndex_ContentType_PartName_FieldName_Value",
                table: "ContentPickerFieldIndex",
                columns: new[] { "ContentType", "PartName", "FieldName", "Value" });
        }
    }
}
