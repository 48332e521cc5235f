using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductQuality.Graph.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AccessLogCountyIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessLogCountyIndex",
                columns: table => new
                {
                    County = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    EntrySeq = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogCountyIndex", x => new { x.County, x.EntrySeq });
                });

            // The entries already in the look-up by code; later ones are copied by the indexer with their codes.
            migrationBuilder.Sql("""
                INSERT INTO "AccessLogCountyIndex" ("County", "EntrySeq")
                SELECT DISTINCT x."CountyCode", i."EntrySeq"
                FROM "AccessLogCodeIndex" i JOIN "Enterprises" x ON x."CreditCode" = i."CreditCode"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessLogCountyIndex");
        }
    }
}
