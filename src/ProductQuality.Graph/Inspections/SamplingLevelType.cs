using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Inspections;

public sealed class SamplingLevelType() : DescribedEnumType<SamplingLevel>(
    "SamplingLevel",
    "Which plan a sampling belongs to (抽查类别).",
    new Dictionary<SamplingLevel, string>
    {
        [SamplingLevel.National] = "National sampling (国抽).",
        [SamplingLevel.Provincial] = "Provincial sampling (省抽).",
        [SamplingLevel.City] = "City sampling (市抽).",
        [SamplingLevel.County] = "County sampling (县抽).",
    });
