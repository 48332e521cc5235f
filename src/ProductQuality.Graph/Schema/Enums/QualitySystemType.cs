using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Schema.Enums;

public sealed class QualitySystemType() : DescribedEnumType<QualitySystem>(
    "QualitySystem",
    "Quality management system (质量管理体系) status of an enterprise.",
    new Dictionary<QualitySystem, string>
    {
        [QualitySystem.None] = "No quality management system (未建立).",
        [QualitySystem.Established] = "Established but not certified (已建立).",
        [QualitySystem.Certified] = "Certified, e.g. ISO 9001 (已认证).",
    });
