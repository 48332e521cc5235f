using System.ComponentModel.DataAnnotations;

namespace ProductQuality.Graph.Rules.Supervision;

/// <summary>Inspection intervals in months by map colour (RED quarterly … GREEN every two years).</summary>
public sealed class InspectionFrequencyOptions
{
    /// <summary>RED: intensified supervision (加严监管).</summary>
    [Range(1, 120)]
    public int RedMonths { get; set; } = 3;

    /// <summary>YELLOW: routine supervision (常态监管).</summary>
    [Range(1, 120)]
    public int YellowMonths { get; set; } = 6;

    /// <summary>BLUE: responsibility supervision (责任监管).</summary>
    [Range(1, 120)]
    public int BlueMonths { get; set; } = 12;

    /// <summary>GREEN: credit-based supervision with random sampling (信用监管).</summary>
    [Range(1, 120)]
    public int GreenMonths { get; set; } = 24;

    internal IEnumerable<string> OrderingErrors()
    {
        if (!(RedMonths <= YellowMonths && YellowMonths <= BlueMonths && BlueMonths <= GreenMonths))
        {
            yield return "Rules:Inspection: intervals must not shrink from RED to GREEN.";
        }
    }
}
