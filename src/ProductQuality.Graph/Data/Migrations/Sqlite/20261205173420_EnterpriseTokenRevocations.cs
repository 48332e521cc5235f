using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductQuality.Graph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EnterpriseTokenRevocations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EnterpriseTokenRevocations",
                columns: table => new
                {
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    NotBeforeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnterpriseTokenRevocations", x => x.CreditCode);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EnterpriseTokenRevocations");
        }
    }
}
