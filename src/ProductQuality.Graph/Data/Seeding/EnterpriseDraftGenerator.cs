using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// Draws the facts of one enterprise from stream 1 of its index. The shares aim at a believable
/// Jiaxing: about 20% certified quality systems, 45% established, 35% none; traceability follows the
/// quality system; a per-enterprise quality factor makes pass rates differ by maker as well as product.
/// </summary>
internal sealed class EnterpriseDraftGenerator(ReferenceDataSet reference, Geography geography, int seed, DateOnly today)
{
    private static readonly int[] ProductCountWeights = [45, 30, 17, 8];
    private readonly SamplingHistoryGenerator samplings = new(reference, today);
    private readonly EnforcementHistoryGenerator enforcement = new(reference, today);

    public DateOnly HistoryStart { get; } = today.AddYears(-5);

    public EnterpriseDraft Generate(int index)
    {
        var r = SeedRandom.Create(seed, index, 1);
        var town = geography.Towns.Next(r);
        var county = geography.Regions[town].CountyCode!;
        var products = DrawProducts(r, town);

        var qms = r.NextDouble() switch { < 0.20 => QualitySystem.Certified, < 0.65 => QualitySystem.Established, _ => QualitySystem.None };
        var roll = r.NextDouble();
        var trace = qms switch
        {
            QualitySystem.Certified => roll < 0.55 ? Traceability.Full : roll < 0.90 ? Traceability.Partial : Traceability.None,
            QualitySystem.Established => roll < 0.15 ? Traceability.Full : roll < 0.65 ? Traceability.Partial : Traceability.None,
            _ => roll < 0.05 ? Traceability.Full : roll < 0.45 ? Traceability.Partial : Traceability.None,
        };

        // Log-normal spread around the management level: a certified system halves the odds of failing.
        var management = qms switch { QualitySystem.Certified => 0.5, QualitySystem.Established => 0.85, _ => 1.3 };
        var factor = Math.Clamp(Math.Exp((0.5 * r.Normal()) - 0.3) * management * (trace == Traceability.None ? 1.15 : 1.0), 0.15, 4.0);

        var established = r.Chance(0.8)
            ? r.DayBetween(new DateOnly(1990, 1, 1), HistoryStart.AddDays(-1))
            : r.DayBetween(HistoryStart, today.AddDays(-120));
        var activeFrom = established > HistoryStart ? established : HistoryStart;
        return new EnterpriseDraft
        {
            Index = index,
            TownCode = town,
            CountyCode = county,
            ProductCodes = products,
            QualityFactor = factor,
            EstablishedOn = established,
            ActiveFrom = activeFrom,
            Management = WithLapse(r, ManagementHistory(r, activeFrom, qms, trace)),
            Samplings = samplings.Generate(r, products, factor, activeFrom),
            Decisions = enforcement.Decisions(r, products, factor, activeFrom),
            Complaints = enforcement.Complaints(r, products, factor, activeFrom),
        };
    }

    private List<string> DrawProducts(Random r, string town)
    {
        var table = geography.ProductsOf(town);
        var want = Math.Min(table.Count, 1 + Pick(r, ProductCountWeights));
        var products = new List<string>(want);
        for (var attempt = 0; products.Count < want && attempt < 50; attempt++)
        {
            var p = table.Next(r);
            if (!products.Contains(p))
            {
                products.Add(p);
            }
        }

        products.Sort(StringComparer.Ordinal);
        return products;
    }

    // A third of enterprises improved during the five years; the history records where they started.
    private List<ManagementDraft> ManagementHistory(Random r, DateOnly from, QualitySystem qms, Traceability trace)
    {
        var first = new ManagementDraft(from, trace, qms, "初次核查登记 (initial record)");
        if (!r.Chance(0.35) || today.DayNumber - from.DayNumber < 240)
        {
            return [first];
        }

        var when = r.DayBetween(from.AddDays(120), today.AddDays(-60));
        if (qms != QualitySystem.None && (trace == Traceability.None || r.Chance(0.6)))
        {
            var before = qms == QualitySystem.Certified ? QualitySystem.Established : QualitySystem.None;
            var note = qms == QualitySystem.Certified ? "通过ISO 9001质量管理体系认证 (quality system certified)" : "建立质量管理体系 (quality system established)";
            return [first with { QualitySystem = before }, new ManagementDraft(when, trace, qms, note)];
        }

        if (trace != Traceability.None)
        {
            var before = trace == Traceability.Full ? Traceability.Partial : Traceability.None;
            var note = trace == Traceability.Full ? "实现产品质量全程追溯 (full traceability)" : "建立产品质量追溯制度 (partial traceability)";
            return [first with { Traceability = before }, new ManagementDraft(when, trace, qms, note)];
        }

        return [first];
    }

    // Some systems lapse for a while (证书暂停, 追溯制度未有效运行) and are restored: the dynamic data the
    // upgrade/downgrade principle is for. The current state stays the drawn one.
    private List<ManagementDraft> WithLapse(Random r, List<ManagementDraft> history)
    {
        var current = history[^1];
        var from = current.Date.AddDays(90);
        if (!r.Chance(0.2) || current.QualitySystem == QualitySystem.None || today.DayNumber - from.DayNumber < 400)
        {
            return history;
        }

        var lapse = r.DayBetween(from, today.AddDays(-300));
        var restored = r.DayBetween(lapse.AddDays(120), today.AddDays(-30));
        var worse = current with { Date = lapse, QualitySystem = current.QualitySystem - 1, Note = "质量管理体系未有效运行 (quality system lapsed)" };
        return [.. history, worse, current with { Date = restored, Note = "质量管理体系恢复运行 (quality system restored)" }];
    }

    private static int Pick(Random r, int[] weights)
    {
        var x = r.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
