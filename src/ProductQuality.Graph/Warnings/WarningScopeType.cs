using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Warnings;

public sealed class WarningScopeType() : DescribedEnumType<WarningScope>(
    "WarningScope",
    "What a risk warning is about.",
    new Dictionary<WarningScope, string>
    {
        [WarningScope.Regional] = "A regional problem (区域性).",
        [WarningScope.Sector] = "A sector-wide or product problem (行业性).",
    });
