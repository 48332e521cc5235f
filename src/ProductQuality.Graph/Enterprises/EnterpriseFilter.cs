using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Enterprises;

/// <summary>Filter of the enterprise list; every condition given must hold.</summary>
public sealed class EnterpriseFilter
{
    public string? CountyCode { get; set; }
    public string? TownCode { get; set; }
    public EnterpriseClass? Class { get; set; }
    public FourColor? HealthCode { get; set; }
    public FourColor? MapColour { get; set; }
    public string? ProductCode { get; set; }
    public string? CategoryCode { get; set; }
    public ProductTier? ProductTier { get; set; }
    public bool? Blacklisted { get; set; }
    public bool? Assured { get; set; }
    public string? NameContains { get; set; }
}
