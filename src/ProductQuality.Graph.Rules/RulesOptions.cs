using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ProductQuality.Graph.Rules.Assured;
using ProductQuality.Graph.Rules.Blacklist;
using ProductQuality.Graph.Rules.Enterprises;
using ProductQuality.Graph.Rules.Products;
using ProductQuality.Graph.Rules.Regions;
using ProductQuality.Graph.Rules.Supervision;

namespace ProductQuality.Graph.Rules;

/// <summary>
/// Every threshold of the default rules (DOMAIN.md, "Default rules"), bound from the
/// configuration section <see cref="SectionName"/>. The defaults are the documented ones,
/// so an empty section gives the day-one behaviour.
/// </summary>
public sealed class RulesOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Rules";

    /// <summary>Recorded in every explanation so a stored result can be traced to the rules that made it. The default
    /// moves when a default rule does (2026.3: a product's tier follows its exact risk score, not the rounded one).
    /// </summary>
    [Required]
    [MinLength(1)]
    public string Version { get; set; } = "2026.3-default";

    /// <summary>Product tier (产品分级) scoring.</summary>
    public ProductTierOptions ProductTier { get; set; } = new();

    /// <summary>Enterprise class (企业分类) and the upgrade/downgrade principle (升降原则).</summary>
    public EnterpriseClassOptions EnterpriseClass { get; set; } = new();

    /// <summary>Enterprise quality safety index (产品质量安全指数) deductions.</summary>
    public QualityIndexOptions QualityIndex { get; set; } = new();

    /// <summary>Town and county colour (四色区域图).</summary>
    public RegionColourOptions RegionColour { get; set; } = new();

    /// <summary>Region index weights by product tier.</summary>
    public RegionIndexOptions RegionIndex { get; set; } = new();

    /// <summary>Inspection intervals by map colour.</summary>
    public InspectionFrequencyOptions Inspection { get; set; } = new();

    /// <summary>
    /// Supervision by class and risk: caps on the interval, forms of inspection, campaign exclusions.
    /// </summary>
    public SupervisionOptions Supervision { get; set; } = new();

    /// <summary>Blacklist (黑名单) windows.</summary>
    public BlacklistOptions Blacklist { get; set; } = new();

    /// <summary>Assured consumption unit (放心消费单位).</summary>
    public AssuredConsumptionOptions Assured { get; set; } = new();

    /// <summary>
    /// Validates the data annotations of this object and every section, plus the orderings
    /// that annotations cannot express (e.g. HIGH threshold above ELEVATED). Returns the errors;
    /// empty means valid. DataAnnotations alone do not descend into nested objects, hence this.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        (string Path, object Section)[] sections =
        [
            (SectionName, this), (nameof(ProductTier), ProductTier), (nameof(EnterpriseClass), EnterpriseClass),
            (nameof(QualityIndex), QualityIndex), (nameof(RegionColour), RegionColour),
            (nameof(RegionIndex), RegionIndex), (nameof(Inspection), Inspection), (nameof(Supervision), Supervision),
            (nameof(Blacklist), Blacklist), (nameof(Assured), Assured),
        ];
        foreach (var (name, section) in sections)
        {
            var path = section == this ? SectionName : $"{SectionName}:{name}";
            errors.AddRange(SettingSentence.Failures(path, section));
        }

        errors.AddRange(ProductTier.OrderingErrors());
        errors.AddRange(RegionColour.OrderingErrors());
        errors.AddRange(Inspection.OrderingErrors());
        errors.AddRange(Supervision.Errors());
        return errors;
    }
}
