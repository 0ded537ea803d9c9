using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cms.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PickerIndexCoversValue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentPickerFieldIndex_DocumentId_PartName_FieldName",
                table: "ContentPickerFieldIndex");

            migrationBuilder.CreateIndex(
                name: "IX_ContentPickerFieldIndex_DocumentId_PartName_FieldName_Value",
                table: "ContentPickerFieldIndex",
                columns: new[] { "DocumentId", "PartName", "FieldName", "Value" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentPickerFieldIndex_DocumentId_PartName_FieldName_Value",
                table: "ContentPickerFieldIndex");

            migrationBuilder.CreateIndex(
                name: "IX_ContentPickerFieldIndex_DocumentId_PartName_FieldName",
                table: "ContentPickerFieldIndex",
                columns: new[] { "DocumentId", "PartName", "FieldName" });
        }
    }
}
