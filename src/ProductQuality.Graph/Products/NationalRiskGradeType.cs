using ProductQuality.Graph.Rules.Products;
using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Products;

public sealed class NationalRiskGradeType() : DescribedEnumType<NationalRiskGrade>(
    "NationalRiskGrade",
    "The grade of the national catalogue (《全国重点工业产品质量安全监管目录》), a trait (产品特点) the city's tier weighs.",
    new Dictionary<NationalRiskGrade, string>
    {
        [NationalRiskGrade.I] = "Ⅰ级 (高风险): close to consumers, large circulation, many incidents, special users.",
        [NationalRiskGrade.II] = "Ⅱ级 (较高风险): large circulation, some incidents, a low sampling pass rate.",
        [NationalRiskGrade.III] = "Ⅲ级 (一般风险): small circulation or specific environments, few incidents.",
    });
