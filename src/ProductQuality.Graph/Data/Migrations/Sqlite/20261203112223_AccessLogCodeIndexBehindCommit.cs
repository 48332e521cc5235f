using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductQuality.Graph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccessLogCodeIndexBehindCommit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AccessLogCodes_CreditCode_EntrySeq",
                table: "AccessLogCodes");

            migrationBuilder.CreateTable(
                name: "AccessLogCodeIndex",
                columns: table => new
                {
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    EntrySeq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogCodeIndex", x => new { x.CreditCode, x.EntrySeq });
                });

            migrationBuilder.CreateTable(
                name: "AccessLogCodeIndexMarks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    IndexedThroughSeq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogCodeIndexMarks", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "AccessLogCodeIndexMarks",
                columns: new[] { "Id", "IndexedThroughSeq" },
                values: new object[] { 1, 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessLogCodeIndex");

            migrationBuilder.DropTable(
                name: "AccessLogCodeIndexMarks");

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogCodes_CreditCode_EntrySeq",
                table: "AccessLogCodes",
                columns: new[] { "CreditCode", "EntrySeq" });
        }
    }
}
