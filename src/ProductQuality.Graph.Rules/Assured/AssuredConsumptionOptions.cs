using System.ComponentModel.DataAnnotations;

namespace ProductQuality.Graph.Rules.Assured;

/// <summary>Thresholds of the assured consumption unit (放心消费单位).</summary>
public sealed class AssuredConsumptionOptions
{
    /// <summary>Years an enterprise must have been class A or better without a break (unless it is AA).</summary>
    [Range(1, 10)]
    public int YearsAtClassA { get; set; } = 3;

    /// <summary>Months a grant is valid.</summary>
    [Range(1, 120)]
    public int ValidityMonths { get; set; } = 12;

    /// <summary>Valid complaints in the last year that are still tolerated (default none).</summary>
    [Range(0, 100)]
    public int MaxValidComplaintsLastYear { get; set; }
}
