using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductQuality.Graph.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NextDue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "NextDueOn",
                table: "Products",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextDueOn",
                table: "Enterprises",
                type: "date",
                nullable: true);

            // Rows made before this migration have never had their next due day computed: mark them due since
            // forever, so the first daily re-evaluation replays every one of them once and stores the real day.
            migrationBuilder.Sql("UPDATE \"Products\" SET \"NextDueOn\" = '0001-01-01'");
            migrationBuilder.Sql("UPDATE \"Enterprises\" SET \"NextDueOn\" = '0001-01-01'");

            migrationBuilder.CreateIndex(
                name: "IX_Products_NextDueOn",
                table: "Products",
                column: "NextDueOn");

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_NextDueOn_Id",
                table: "Enterprises",
                columns: new[] { "NextDueOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Products_NextDueOn",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Enterprises_NextDueOn_Id",
                table: "Enterprises");

            migrationBuilder.DropColumn(
                name: "NextDueOn",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "NextDueOn",
                table: "Enterprises");
        }
    }
}
