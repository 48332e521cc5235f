using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductQuality.Graph.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AccessLogCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_Corrections",
                table: "AccessLog",
                columns: new[] { "AtUtc", "RequestId" },
                filter: "\"ErrorCode\" = 'ACCESS_LOG_UNAVAILABLE'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AccessLog_Corrections",
                table: "AccessLog");
        }
    }
}
