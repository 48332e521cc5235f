using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Schema.Enums;

public sealed class TraceabilityType() : DescribedEnumType<Traceability>(
    "Traceability",
    "Product traceability capability (追溯能力) of an enterprise.",
    new Dictionary<Traceability, string>
    {
        [Traceability.None] = "No traceability (无追溯).",
        [Traceability.Partial] = "Partial traceability (部分追溯).",
        [Traceability.Full] = "Full traceability (全程追溯).",
    });
