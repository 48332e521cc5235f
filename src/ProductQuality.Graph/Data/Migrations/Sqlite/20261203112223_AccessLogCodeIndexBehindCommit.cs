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

            // What EF would create, WITHOUT ROWID: the rows live in their key's b-tree, one structure instead of a
            // table and its key's index (EF has no setting for it; a rebuild of this table by a later migration
            // would lose it, costing size and speed, not correctness).
            migrationBuilder.Sql("""
                CREATE TABLE "AccessLogCodeIndex" (
                    "CreditCode" TEXT NOT NULL,
                    "EntrySeq" INTEGER NOT NULL,
                    CONSTRAINT "PK_AccessLogCodeIndex" PRIMARY KEY ("CreditCode", "EntrySeq")
                ) WITHOUT ROWID;
                """);

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
