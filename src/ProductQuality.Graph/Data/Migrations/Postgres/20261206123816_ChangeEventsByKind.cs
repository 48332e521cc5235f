using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductQuality.Graph.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChangeEventsByKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ChangeEvents_Kind_Id",
                table: "ChangeEvents",
                columns: new[] { "Kind", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChangeEvents_Kind_Id",
                table: "ChangeEvents");
        }
    }
}
