using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ProductQuality.Graph.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ExternalRiskSignals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NationalGrade",
                table: "Products",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            NationalGradeBackfill.Apply(migrationBuilder);

            migrationBuilder.CreateTable(
                name: "ExternalRiskSignals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProductCode = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Hazard = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Severity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalRiskSignals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExternalRiskSignals_Products_ProductCode",
                        column: x => x.ProductCode,
                        principalTable: "Products",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExternalRiskSignals_ProductCode_PublishedOn",
                table: "ExternalRiskSignals",
                columns: new[] { "ProductCode", "PublishedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ExternalRiskSignals_Source_Reference",
                table: "ExternalRiskSignals",
                columns: new[] { "Source", "Reference" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExternalRiskSignals");

            migrationBuilder.DropColumn(
                name: "NationalGrade",
                table: "Products");
        }
    }
}
