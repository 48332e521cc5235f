using Microsoft.EntityFrameworkCore.Migrations;

namespace ProductQuality.Graph.Data.Migrations;

/// <summary>
/// Fills the issuing authority of rows written before it was recorded, in SQL both providers speak, before the unique
/// (authority, number) indexes are created: a county bureau's write is its county's (its department, samr-3304xx, is in
/// RecordedBy), everything else the city bureau's. The blacklist register was not checked against the rules' numbers,
/// so it may hold a number twice in one authority: the later copy gets its row id appended (a decided event keeps its
/// number over a rule-derived one), rather than the migration failing on the index.
/// </summary>
internal static class AuthorityBackfill
{
    private static readonly string[] Tables =
        ["Inspections", "EnforcementDecisions", "BlacklistEvents", "RiskWarnings"];

    public static void Apply(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.Sql($"""
                UPDATE "{table}" SET "Authority" = substr("RecordedBy", 6, 6)
                WHERE "RecordedBy" LIKE 'samr-3304__/%';
                """);
        }

        migrationBuilder.Sql("""
            UPDATE "BlacklistEvents" SET "DecisionNumber" = "DecisionNumber" || '-' || CAST("Id" AS TEXT)
            WHERE EXISTS (SELECT 1 FROM "BlacklistEvents" AS o
                WHERE o."Authority" = "BlacklistEvents"."Authority"
                  AND o."DecisionNumber" = "BlacklistEvents"."DecisionNumber"
                  AND ((o."Source" <> 'Rule' AND "BlacklistEvents"."Source" = 'Rule')
                    OR (o."Source" = "BlacklistEvents"."Source" AND o."Id" < "BlacklistEvents"."Id")));
            """);
    }
}
