using System.ComponentModel.DataAnnotations;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Supervision;

/// <summary>
/// Supervision by class and risk (企业分类监管, 产品分级监管), on top of the intervals by map colour
/// (<see cref="InspectionFrequencyOptions"/>): the seed has makers of high-risk products supervised strictly
/// (从严监管, 加严监管方式) and class C under intensified supervision, whatever colour the product mix gives them.
/// </summary>
public sealed class SupervisionOptions
{
    /// <summary>
    /// Class C is inspected at least this often, in months. Its own value, not the high-risk one: a class-C
    /// enterprise making only GENERAL products is YELLOW on the map (6 months), stricter than routine under this
    /// cap, and reaches the high-risk maker's frequency only if the bureau sets the two equal.
    /// </summary>
    [Range(1, 120)]
    public int ClassCMaxMonths { get; set; } = 4;

    /// <summary>A maker of a HIGH product (高风险产品生产企业) is inspected at least this often, in months.</summary>
    [Range(1, 120)]
    public int HighRiskMakerMaxMonths { get; set; } = 3;

    /// <summary>Classes this one or worse get an on-site check (现场检查) with the sampling.</summary>
    public EnterpriseClass OnSiteCheckFromClass { get; set; } = EnterpriseClass.C;

    /// <summary>Classes this one or worse get a quality-management-system audit (质量管理体系审核).</summary>
    public EnterpriseClass QmsAuditFromClass { get; set; } = EnterpriseClass.C;

    /// <summary>Makers of a HIGH product get an on-site check whatever their class (加严监管方式).</summary>
    public bool OnSiteCheckForHighRiskMakers { get; set; } = true;

    /// <summary>Special campaigns whose window takes their enterprises out of the routine plan.</summary>
    public List<CampaignExclusion> Exclusions { get; set; } = [];

    internal IEnumerable<string> Errors() => Exclusions.SelectMany((e, i) => e.Errors(i));
}
