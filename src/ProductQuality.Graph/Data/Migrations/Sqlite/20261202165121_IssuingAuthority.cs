using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductQuality.Graph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IssuingAuthority : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RiskWarnings_Number",
                table: "RiskWarnings");

            migrationBuilder.DropIndex(
                name: "IX_Inspections_ReportNumber",
                table: "Inspections");

            migrationBuilder.DropIndex(
                name: "IX_EnforcementDecisions_DecisionNumber",
                table: "EnforcementDecisions");

            migrationBuilder.AddColumn<string>(
                name: "Authority",
                table: "RiskWarnings",
                type: "TEXT",
                maxLength: 6,
                nullable: false,
                defaultValue: "330400");

            migrationBuilder.AddColumn<string>(
                name: "Authority",
                table: "Inspections",
                type: "TEXT",
                maxLength: 6,
                nullable: false,
                defaultValue: "330400");

            migrationBuilder.AddColumn<string>(
                name: "Authority",
                table: "EnforcementDecisions",
                type: "TEXT",
                maxLength: 6,
                nullable: false,
                defaultValue: "330400");

            migrationBuilder.AddColumn<string>(
                name: "Authority",
                table: "BlacklistEvents",
                type: "TEXT",
                maxLength: 6,
                nullable: false,
                defaultValue: "330400");

            // Existing rows: the city bureau by default, a county bureau's writes its county; then the unique indexes.
            AuthorityBackfill.Apply(migrationBuilder);

            migrationBuilder.CreateIndex(
                name: "IX_RiskWarnings_Authority_Number",
                table: "RiskWarnings",
                columns: new[] { "Authority", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_Authority_ReportNumber",
                table: "Inspections",
                columns: new[] { "Authority", "ReportNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementDecisions_Authority_DecisionNumber",
                table: "EnforcementDecisions",
                columns: new[] { "Authority", "DecisionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BlacklistEvents_Authority_DecisionNumber",
                table: "BlacklistEvents",
                columns: new[] { "Authority", "DecisionNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RiskWarnings_Authority_Number",
                table: "RiskWarnings");

            migrationBuilder.DropIndex(
                name: "IX_Inspections_Authority_ReportNumber",
                table: "Inspections");

            migrationBuilder.DropIndex(
                name: "IX_EnforcementDecisions_Authority_DecisionNumber",
                table: "EnforcementDecisions");

            migrationBuilder.DropIndex(
                name: "IX_BlacklistEvents_Authority_DecisionNumber",
                table: "BlacklistEvents");

            migrationBuilder.DropColumn(
                name: "Authority",
                table: "RiskWarnings");

            migrationBuilder.DropColumn(
                name: "Authority",
                table: "Inspections");

            migrationBuilder.DropColumn(
                name: "Authority",
                table: "EnforcementDecisions");

            migrationBuilder.DropColumn(
                name: "Authority",
                table: "BlacklistEvents");

            migrationBuilder.CreateIndex(
                name: "IX_RiskWarnings_Number",
                table: "RiskWarnings",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_ReportNumber",
                table: "Inspections",
                column: "ReportNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementDecisions_DecisionNumber",
                table: "EnforcementDecisions",
                column: "DecisionNumber",
                unique: true);
        }
    }
}
