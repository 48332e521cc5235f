using System.Globalization;
using ProductQuality.Graph.Signals;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// External risk signals (国内外风险预警/召回) from the patterns of signals.csv: each pattern is a Poisson process at its
/// rate a year, from one look-back window before the history starts (so the first grading already sees a steady
/// state) to today. References follow each source's style and are numbered per source and year; every description
/// says the record is illustrative. Independent of the enterprises, so the seed time does not grow with them.
/// </summary>
internal sealed class SignalGenerator(IReadOnlyList<SignalPattern> patterns, int seed, DateOnly from, DateOnly today)
{
    public List<ExternalRiskSignal> Generate()
    {
        var drafts = new List<(DateOnly On, SignalPattern Pattern)>();
        for (var i = 0; i < patterns.Count; i++)
        {
            var r = SeedRandom.Create(seed, -3, i);
            var p = patterns[i];
            for (var d = from.AddDays(r.DaysToNext(p.PerYear)); d <= today; d = d.AddDays(r.DaysToNext(p.PerYear)))
            {
                drafts.Add((d, p));
            }
        }

        // Numbered per source and year in date order, as the source's register would.
        var numbers = new Dictionary<(RiskSignalSource, int), int>();
        return drafts.OrderBy(x => x.On).ThenBy(x => x.Pattern.ProductCode, StringComparer.Ordinal)
            .ThenBy(x => x.Pattern.Source)
            .Select(x =>
            {
                var key = (x.Pattern.Source, x.On.Year);
                var n = numbers[key] = numbers.GetValueOrDefault(key) + 1;
                return new ExternalRiskSignal
                {
                    Source = x.Pattern.Source, Reference = Reference(x.Pattern.Source, x.On.Year, n),
                    ProductCode = x.Pattern.ProductCode, PublishedOn = x.On,
                    Hazard = $"{x.Pattern.HazardZh} ({x.Pattern.HazardEn})", Severity = x.Pattern.Severity,
                    Description = $"示例 Illustrative record of the demo data set: {x.Pattern.Subject}.",
                    RecordedAtUtc = Stamp.At(x.On, 2),
                };
            }).ToList();
    }

    // Shaped like each source's own numbers, but invented: no reference here names a real notification.
    private static string Reference(RiskSignalSource source, int year, int n) => source switch
    {
        RiskSignalSource.SamrRecall => Inv($"SAMR-ZH-{year}-{n:D4}"),
        RiskSignalSource.ProvincialMonitoring => Inv($"ZJ-FXJC-{year}-{n:D3}"),
        RiskSignalSource.EuSafetyGate => Inv($"SR/{n:D5}/{year % 100:D2}"),
        RiskSignalSource.UsCpsc => Inv($"{year % 100:D2}-{n + 100:D3}"),
        RiskSignalSource.AustraliaAccc => Inv($"PRA {year}/{20000 + n:D5}"),
        _ => Inv($"GR-{year}-{n:D5}"),
    };

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
