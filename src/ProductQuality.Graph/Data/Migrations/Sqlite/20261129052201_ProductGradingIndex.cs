using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductQuality.Graph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProductGradingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Inspections_ProductCode_SampledOn",
                table: "Inspections");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_ProductGrading",
                table: "Inspections",
                columns: new[] { "ProductCode", "SampledOn", "Passed" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Inspections_ProductGrading",
                table: "Inspections");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_ProductCode_SampledOn",
                table: "Inspections",
                columns: new[] { "ProductCode", "SampledOn" });
        }
    }
}
