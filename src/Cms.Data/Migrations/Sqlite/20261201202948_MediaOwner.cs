using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cms.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MediaOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "MediaItems",
                type: "TEXT",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CreatedById",
                table: "MediaItems");
        }
    }
}
