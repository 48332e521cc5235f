using ProductQuality.Graph.Rules.Products;
using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Signals;

public sealed class SignalSeverityType() : DescribedEnumType<SignalSeverity>(
    "SignalSeverity",
    "Risk level of an external risk signal, on the four levels of the EU Safety Gate and SAMR recalls; the tier rule "
        + "weighs each level (Rules:ProductTier).",
    new Dictionary<SignalSeverity, string>
    {
        [SignalSeverity.Low] = "Low risk (低风险).",
        [SignalSeverity.Medium] = "Medium risk (中风险).",
        [SignalSeverity.High] = "High risk (高风险).",
        [SignalSeverity.Serious] = "Serious risk (严重风险): injury or death likely.",
    });
