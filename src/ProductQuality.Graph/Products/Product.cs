using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Products;

namespace ProductQuality.Graph.Products;

/// <summary>A key industrial product (重点工业产品) of the catalogue, with the traits that feed its risk tier.</summary>
public sealed class Product
{
    public required string Code { get; set; }
    public required string CategoryCode { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }

    /// <summary>
    /// True when the name appears in a published catalogue or SAMR report; false when we completed the list.
    /// </summary>
    public bool NameConfirmed { get; set; }

    public bool ForChildren { get; set; }
    public bool ForElderly { get; set; }
    public bool SafetyCritical { get; set; }
    public bool FoodContact { get; set; }
    public bool ProductionLicenceRequired { get; set; }
    public bool CccRequired { get; set; }

    /// <summary>
    /// The national catalogue's grade (Ⅰ/Ⅱ/Ⅲ, see ReferenceData/README.md); null when the catalogue does not grade it.
    /// </summary>
    public NationalRiskGrade? NationalGrade { get; set; }

    /// <summary>Current tier: a cache of the latest <see cref="ProductTierAssessment"/>, kept for filtering.</summary>
    public ProductTier Tier { get; set; }

    /// <summary>Current risk score 0–100: a cache of the latest assessment.</summary>
    public double RiskScore { get; set; }

    /// <summary>
    /// The first day on which the grading changes without a new fact (a sampling, complaint or warning leaves its
    /// window, an override runs out), from the last grading; null when nothing changes until a new fact.
    /// </summary>
    public DateOnly? NextDueOn { get; set; }

    /// <summary>
    /// Incremented by every tier override; a concurrency token (see
    /// <see cref="Enterprises.Enterprise.OverrideRevision"/>).
    /// </summary>
    public int OverrideRevision { get; set; }
}
