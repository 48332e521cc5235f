using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Tests.Text;

/// <summary>
/// Vocabulary that only the text of one kind of fact uses, so a rendered text carrying it states a fact of that
/// kind. Every kind has markers (a new kind without them fails <see cref="TextGroupTests"/>), and each kind's
/// markers are seen in the regulator's text of the generated data set, so the table cannot go stale unnoticed.
/// </summary>
public static class TextMarkers
{
    public static IReadOnlyDictionary<FactGroup, string[]> ByGroup { get; } = new Dictionary<FactGroup, string[]>
    {
        [FactGroup.Class] =
            ["升降原则", "首次分类", "原类别", "按条件评定", "企业分类", "类别不变", "(AA类)", "(A类)", "(B类)", "(C类)", "manual override"],
        [FactGroup.ClassFactors] = ["追溯", "质量管理体系", "管理状况", "无监督抽查记录", "安全项目不合格) with"],
        [FactGroup.Health] = ["no deductions"],
        [FactGroup.BlacklistStatus] = ["列入黑名单)", "移出黑名单)", "列入日期"],
        [FactGroup.BlacklistDetail] =
            ["决定列入黑名单", "决定移出黑名单", "整改期", "责令整改", "by decision", "violations since listing"],
        [FactGroup.Assured] = ["放心消费单位", "current grant", "续期", "期满"],
        [FactGroup.Inspections] =
            ["监督抽查 sampling", "复查 follow-up", "sampling of 2", "不合格) of product", "安全项目不合格) on ", "抽查不合格记录",
            "屡查屡犯) of product"],
        [FactGroup.ProductTiers] =
            ["产品风险等级", "风险预警/召回", "risk score", "风险信号", "产品特点", "全国目录风险等级"],
        [FactGroup.Regions] = ["区域", "占比", "重点产品企业", "tier-weighted"],
        [FactGroup.Enforcement] =
            ["行政处罚", "处罚决定", "有效投诉", "严重违法", "finding of unlicensed production", "override reason",
            "quality system lapsed", "quality system restored"],
        [FactGroup.CityInspections] = ["不合格率", "labelling or general items", "nonconformity "],
        [FactGroup.CityWarnings] = ["本市警情通报", "bulletins "],
        [FactGroup.CityEnforcement] = ["投诉举报", "敏感因子", "sensitivity "],
    };

    /// <summary>The groups whose markers a text carries.</summary>
    public static IEnumerable<(FactGroup Group, string Marker)> In(string text) =>
        ByGroup.SelectMany(g => g.Value.Where(m => text.Contains(m, StringComparison.Ordinal)).Select(m => (g.Key, m)));
}
