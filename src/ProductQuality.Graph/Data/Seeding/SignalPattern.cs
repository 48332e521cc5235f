using System.Globalization;
using ProductQuality.Graph.Rules.Products;
using ProductQuality.Graph.Signals;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// One row of ReferenceData/signals.csv: a kind of recall or warning a product attracts from a source, at a rate a
/// year. Illustrative, not real records (see ReferenceData/README.md).
/// </summary>
public sealed record SignalPattern(
    string ProductCode,
    RiskSignalSource Source,
    SignalSeverity Severity,
    double PerYear,
    string HazardZh,
    string HazardEn,
    string Subject)
{
    public static SignalPattern From(IReadOnlyDictionary<string, string> r) => new(
        r["product_code"],
        r["source"] switch
        {
            "SAMR_RECALL" => RiskSignalSource.SamrRecall,
            "PROVINCIAL_MONITORING" => RiskSignalSource.ProvincialMonitoring,
            "EU_SAFETY_GATE" => RiskSignalSource.EuSafetyGate,
            "US_CPSC" => RiskSignalSource.UsCpsc,
            "AUSTRALIA_ACCC" => RiskSignalSource.AustraliaAccc,
            "OECD_GLOBAL_RECALLS" => RiskSignalSource.OecdGlobalRecalls,
            var other => throw new InvalidDataException($"signals.csv: unknown source '{other}'."),
        },
        Enum.Parse<SignalSeverity>(r["severity"], ignoreCase: true),
        double.Parse(r["per_year"], CultureInfo.InvariantCulture),
        r["hazard_zh"],
        r["hazard_en"],
        r["subject"]);
}
