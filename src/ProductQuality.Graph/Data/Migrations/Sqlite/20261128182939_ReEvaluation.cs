using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductQuality.Graph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReEvaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "RiskWarnings",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupersededAtUtc",
                table: "RegionAssessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupersededAtUtc",
                table: "ProductTierAssessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OverrideRevision",
                table: "Products",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "ManagementRecords",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "Inspections",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OverrideRevision",
                table: "Enterprises",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupersededAtUtc",
                table: "EnterpriseAssessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "EnforcementDecisions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProductCode",
                table: "Complaints",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "Complaints",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "BlacklistEvents",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "BlacklistEvents",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "SupersededAtUtc",
                table: "BlacklistEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupersededAtUtc",
                table: "AssuredEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ClassOverrides",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Class = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassOverrides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClassOverrides_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Department = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Operation = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InputHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResultKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FactId = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProductTierOverrides",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductCode = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductTierOverrides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductTierOverrides_Products_ProductCode",
                        column: x => x.ProductCode,
                        principalTable: "Products",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_RegionAggregate",
                table: "Enterprises",
                columns: new[] { "TownCode", "MapColour", "HighestTier", "QualityIndex", "Class" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ProductCode_FoundValidOn",
                table: "Complaints",
                columns: new[] { "ProductCode", "FoundValidOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ClassOverrides_EnterpriseId_EffectiveFrom",
                table: "ClassOverrides",
                columns: new[] { "EnterpriseId", "EffectiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_Department_Key",
                table: "IdempotencyRecords",
                columns: new[] { "Department", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProductTierOverrides_ProductCode_EffectiveFrom",
                table: "ProductTierOverrides",
                columns: new[] { "ProductCode", "EffectiveFrom" });

            migrationBuilder.AddForeignKey(
                name: "FK_Complaints_Products_ProductCode",
                table: "Complaints",
                column: "ProductCode",
                principalTable: "Products",
                principalColumn: "Code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Complaints_Products_ProductCode",
                table: "Complaints");

            migrationBuilder.DropTable(
                name: "ClassOverrides");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "ProductTierOverrides");

            migrationBuilder.DropIndex(
                name: "IX_Enterprises_RegionAggregate",
                table: "Enterprises");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_ProductCode_FoundValidOn",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "RiskWarnings");

            migrationBuilder.DropColumn(
                name: "SupersededAtUtc",
                table: "RegionAssessments");

            migrationBuilder.DropColumn(
                name: "SupersededAtUtc",
                table: "ProductTierAssessments");

            migrationBuilder.DropColumn(
                name: "OverrideRevision",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "ManagementRecords");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "Inspections");

            migrationBuilder.DropColumn(
                name: "OverrideRevision",
                table: "Enterprises");

            migrationBuilder.DropColumn(
                name: "SupersededAtUtc",
                table: "EnterpriseAssessments");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "EnforcementDecisions");

            migrationBuilder.DropColumn(
                name: "ProductCode",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "BlacklistEvents");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "BlacklistEvents");

            migrationBuilder.DropColumn(
                name: "SupersededAtUtc",
                table: "BlacklistEvents");

            migrationBuilder.DropColumn(
                name: "SupersededAtUtc",
                table: "AssuredEvents");
        }
    }
}
