using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductQuality.Graph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EventExplanations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Explanation",
                table: "BlacklistEvents",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Explanation",
                table: "AssuredEvents",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Explanation",
                table: "BlacklistEvents");

            migrationBuilder.DropColumn(
                name: "Explanation",
                table: "AssuredEvents");
        }
    }
}
