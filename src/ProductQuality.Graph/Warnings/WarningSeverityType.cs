using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Warnings;

public sealed class WarningSeverityType() : DescribedEnumType<WarningSeverity>(
    "WarningSeverity",
    "Severity of a risk warning.",
    new Dictionary<WarningSeverity, string>
    {
        [WarningSeverity.Notice] = "Notice (提示).",
        [WarningSeverity.Warning] = "Warning (警示).",
        [WarningSeverity.Serious] = "Serious alert (严重警示).",
    });
