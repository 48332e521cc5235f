namespace ProductQuality.Graph.Rules.Regions;

/// <summary>
/// The county-level divisions of Jiaxing (嘉兴市), the bureau's jurisdiction (GB/T 2260; ../shared/data
/// jiaxing_regions.csv). Settings keyed by county are checked against these: 330418 (digits of 330481 swapped) passed
/// a "3304xx" check and its thresholds never applied.
/// </summary>
public static class JiaxingCounties
{
    /// <summary>南湖区, 秀洲区, 嘉善县, 海盐县, 海宁市, 平湖市, 桐乡市.</summary>
    public static IReadOnlyList<string> Codes { get; } =
        ["330402", "330411", "330421", "330424", "330481", "330482", "330483"];

    public static bool IsCounty(string? code) => code is not null && Codes.Contains(code);

    /// <summary>"one of 330402, 330411, …", for settings messages.</summary>
    public static string Described => "one of " + string.Join(", ", Codes);
}
