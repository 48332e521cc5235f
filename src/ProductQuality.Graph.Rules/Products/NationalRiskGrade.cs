namespace ProductQuality.Graph.Rules.Products;

/// <summary>
/// The grade of the national catalogue (《全国重点工业产品质量安全监管目录》): Ⅰ 高风险, Ⅱ 较高风险, Ⅲ 一般风险,
/// scored nationally on management (licence/access), social (volume, pass rate, incidents) and consumer indicators.
/// </summary>
public enum NationalRiskGrade
{
    /// <summary>Ⅰ级: close to consumers, large circulation, many incidents, special user groups.</summary>
    I,

    /// <summary>Ⅱ级: large circulation, a moderate number of incidents, a low sampling pass rate.</summary>
    II,

    /// <summary>Ⅲ级: small circulation or specific environments only, few incidents.</summary>
    III,
}
