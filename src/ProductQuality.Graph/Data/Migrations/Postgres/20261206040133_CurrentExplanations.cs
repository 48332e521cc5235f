using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductQuality.Graph.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CurrentExplanations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CurrentExplanations",
                columns: table => new
                {
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    EvaluatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClassExplanation = table.Column<string>(type: "text", nullable: false),
                    IndexExplanation = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CurrentExplanations", x => x.EnterpriseId);
                    table.ForeignKey(
                        name: "FK_CurrentExplanations_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The table fills as enterprises are re-evaluated: make every one due, so that the start-up run of the
            // daily re-evaluation writes today's explanations for all (until then the class record's are served).
            migrationBuilder.Sql("""UPDATE "Enterprises" SET "NextDueOn" = '2000-01-01';""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CurrentExplanations");
        }
    }
}
