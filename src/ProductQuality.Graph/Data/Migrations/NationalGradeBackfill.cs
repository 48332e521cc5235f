using Microsoft.EntityFrameworkCore.Migrations;

namespace ProductQuality.Graph.Data.Migrations;

/// <summary>
/// Fills the national catalogue grade of the products of a database made before the column existed, from
/// ReferenceData/products.csv as it stood when the column was added (a migration must not change with later edits of
/// the file). Plain SQL that both providers run; run <c>recompute</c> afterwards so tiers weigh the grade.
/// </summary>
internal static class NationalGradeBackfill
{
    private static readonly string[] GradeI =
    [
        "P004", "P011", "P012", "P025", "P026", "P027", "P029", "P031", "P037", "P040", "P051", "P052", "P053",
        "P054", "P055", "P056", "P058", "P060", "P061", "P062", "P063", "P064", "P065", "P066", "P067", "P068",
        "P069", "P070", "P071", "P072", "P073", "P074", "P075", "P076", "P079", "P080", "P081", "P082", "P083",
        "P084", "P085", "P087", "P088", "P089", "P090", "P118", "P123", "P124", "P125", "P127", "P128", "P129",
        "P130", "P131", "P132", "P135", "P136", "P141", "P143", "P144", "P145", "P146", "P148", "P149", "P154",
        "P156", "P159", "P160", "P161", "P162", "P163", "P164", "P165", "P166", "P167", "P168", "P169", "P170",
        "P171", "P172", "P173", "P174", "P175", "P176", "P177", "P178", "P179", "P180", "P181", "P182", "P183",
        "P184", "P185", "P186", "P187", "P188", "P189", "P190", "P191", "P192", "P193", "P194", "P195", "P196",
        "P221", "P222", "P223", "P224", "P225", "P226", "P227", "P228", "P236", "P247", "P256", "P257", "P258",
        "P259", "P262",
    ];

    private static readonly string[] GradeII =
    [
        "P001", "P002", "P003", "P005", "P006", "P007", "P008", "P009", "P010", "P014", "P015", "P021", "P022",
        "P023", "P028", "P030", "P034", "P035", "P039", "P041", "P044", "P046", "P048", "P049", "P050", "P057",
        "P059", "P077", "P078", "P086", "P092", "P093", "P095", "P098", "P099", "P100", "P109", "P111", "P114",
        "P116", "P120", "P126", "P133", "P134", "P139", "P142", "P147", "P150", "P151", "P153", "P155", "P157",
        "P158", "P230", "P231", "P235", "P237", "P239", "P242", "P243", "P244", "P245", "P253", "P254", "P255",
        "P260", "P271",
    ];

    private static readonly string[] GradeIII =
    [
        "P013", "P016", "P017", "P018", "P019", "P020", "P024", "P032", "P033", "P036", "P038", "P042", "P043",
        "P045", "P047", "P091", "P094", "P096", "P097", "P101", "P102", "P103", "P104", "P105", "P106", "P107",
        "P108", "P110", "P112", "P113", "P115", "P117", "P119", "P121", "P122", "P137", "P138", "P140", "P152",
        "P197", "P198", "P199", "P200", "P201", "P202", "P203", "P204", "P205", "P206", "P207", "P208", "P209",
        "P210", "P211", "P212", "P213", "P214", "P215", "P216", "P217", "P218", "P219", "P220", "P229", "P232",
        "P233", "P234", "P238", "P240", "P241", "P246", "P248", "P249", "P250", "P251", "P252", "P261", "P263",
        "P264", "P265", "P266", "P267", "P268", "P269", "P270", "P272", "P273",
    ];

    public static void Apply(MigrationBuilder migrationBuilder)
    {
        foreach (var (grade, codes) in new[] { ("I", GradeI), ("II", GradeII), ("III", GradeIII) })
        {
            var list = string.Join(", ", codes.Select(c => $"'{c}'"));
            migrationBuilder.Sql($"UPDATE \"Products\" SET \"NationalGrade\" = '{grade}' WHERE \"Code\" IN ({list});");
        }
    }
}
