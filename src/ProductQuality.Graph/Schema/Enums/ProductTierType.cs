using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Schema.Enums;

public sealed class ProductTierType() : DescribedEnumType<ProductTier>(
    "ProductTier",
    "Product risk tier (产品分级), from the product's traits (产品特点), quality data (质量数据: nonconformity, "
        + "domestic and foreign risk signals, the city's bulletins) and sensitivity (敏感因子).",
    new Dictionary<ProductTier, string>
    {
        [ProductTier.High] = "High risk (高风险, Ⅰ级): risk score of 70 or more by default.",
        [ProductTier.Elevated] = "Elevated risk (较高风险, Ⅱ级): risk score of 40 or more by default.",
        [ProductTier.General] = "General risk (一般风险, Ⅲ级): below the elevated threshold.",
    });
