using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Timeline;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// Draws the facts of one enterprise from stream 1 of its index. Where it is, what it makes (one industry, as a bureau
/// sees its makers: a small share of diversified groups make a second one), its quality system and traceability from
/// its county's profile (counties.csv), a per-enterprise quality factor that makes pass rates differ by maker as well
/// as product, and samplings that follow the frequency rule (<see cref="SamplingHistoryGenerator"/>). The facts start
/// a burn-in before the visible history (<see cref="BurnInYears"/>), so that its first year is already in steady
/// state: products graded, enterprises classified on a full sampling window.
/// </summary>
internal sealed class EnterpriseDraftGenerator(
    ReferenceDataSet reference, Geography geography, int seed, DateOnly today)
{
    /// <summary>Years of generated facts before the visible history: the class's sampling window.</summary>
    public const int BurnInYears = 3;

    /// <summary>Share of makers that also make a product of a second industry (多元化经营).</summary>
    public const double DiversifiedShare = 0.06;

    private static readonly int[] ProductCountWeights = [45, 30, 17, 8];
    private readonly SamplingHistoryGenerator samplings = new(reference, today);
    private readonly EnforcementHistoryGenerator enforcement = new(reference, today);

    /// <summary>First day of the visible five-year history.</summary>
    public DateOnly HistoryStart { get; } = today.AddYears(-5);

    /// <summary>First day of generated facts: the burn-in's start.</summary>
    public DateOnly FactsStart { get; } = today.AddYears(-5 - BurnInYears);

    public EnterpriseDraft Generate(int index, SupervisionScheduler scheduler)
    {
        var r = SeedRandom.Create(seed, index, 1);
        var town = geography.Towns.Next(r);
        var county = geography.Regions[town].CountyCode!;
        var profile = reference.Counties.GetValueOrDefault(county) ?? CountyProfile.Baseline(county);
        var products = DrawProducts(r, town);

        var qms = r.NextDouble() switch
        {
            var x when x < profile.QmsCertified => QualitySystem.Certified,
            var x when x < profile.QmsCertified + profile.QmsEstablished => QualitySystem.Established,
            _ => QualitySystem.None,
        };
        var trace = DrawTraceability(r, qms, profile.Traceability);

        // Log-normal spread around the management level: a certified system halves the odds of failing.
        var management = qms switch { QualitySystem.Certified => 0.5, QualitySystem.Established => 0.85, _ => 1.3 };
        var spread = Math.Exp((0.5 * r.Normal()) - 0.3) * management * profile.FailureOdds;
        var factor = Math.Clamp(spread * (trace == Traceability.None ? 1.15 : 1.0), 0.15, 4.0);

        var established = r.Chance(0.8)
            ? r.DayBetween(new DateOnly(1990, 1, 1), FactsStart.AddDays(-1))
            : r.DayBetween(FactsStart, today.AddDays(-120));
        var activeFrom = established > FactsStart ? established : FactsStart;
        var history = WithLapse(r, ManagementHistory(r, activeFrom, qms, trace));
        var decisions = enforcement.Decisions(r, products, factor, activeFrom);
        var complaints = enforcement.Complaints(r, products, factor, activeFrom);
        var context = new EnterpriseFactSet(activeFrom, products,
            history.Select(m => new ManagementFact(m.Date, m.Traceability, m.QualitySystem, m.Note)).ToList(), [],
            decisions.Select(d => new DecisionFact(d.Date, d.Kind, string.Empty)).ToList(),
            complaints.Select(c => c.Date).ToList(), [], []);
        return new EnterpriseDraft
        {
            Index = index,
            TownCode = town,
            CountyCode = county,
            ProductCodes = products,
            QualityFactor = factor,
            EstablishedOn = established,
            ActiveFrom = activeFrom,
            Management = history,
            Samplings = samplings.Generate(r, context, factor, activeFrom, established > FactsStart, scheduler),
            Decisions = decisions,
            Complaints = complaints,
        };
    }

    // Traceability follows the quality system; the county's factor scales the odds of having it.
    private static Traceability DrawTraceability(Random r, QualitySystem qms, double likelihood)
    {
        var (full, partial) = qms switch
        {
            QualitySystem.Certified => (0.55, 0.35),
            QualitySystem.Established => (0.15, 0.50),
            _ => (0.05, 0.40),
        };
        var scale = Math.Min(likelihood, 1.0 / (full + partial));
        var roll = r.NextDouble();
        return roll < full * scale ? Traceability.Full
            : roll < (full + partial) * scale ? Traceability.Partial
            : Traceability.None;
    }

    // One industry: the first product from the town's table, the rest from the same category of it (or of the
    // county's catalogue when the town makes too few); a diversified group adds one product of another category.
    private List<string> DrawProducts(Random r, string town)
    {
        var table = geography.ProductsOf(town);
        var first = table.Next(r);
        var category = reference.Profiles[first].CategoryCode;
        var want = 1 + Pick(r, ProductCountWeights);
        var products = new List<string> { first };
        for (var attempt = 0; products.Count < want && attempt < 60; attempt++)
        {
            var p = attempt < 30 ? table.Next(r) : r.Pick(geography.CategoryProducts(category));
            if (reference.Profiles[p].CategoryCode == category && !products.Contains(p))
            {
                products.Add(p);
            }
        }

        if (r.Chance(DiversifiedShare))
        {
            for (var attempt = 0; attempt < 30; attempt++)
            {
                var p = table.Next(r);
                if (reference.Profiles[p].CategoryCode != category)
                {
                    products.Add(p);
                    break;
                }
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
            var note = qms == QualitySystem.Certified
                ? "通过ISO 9001质量管理体系认证 (quality system certified)"
                : "建立质量管理体系 (quality system established)";
            return [first with { QualitySystem = before }, new ManagementDraft(when, trace, qms, note)];
        }

        if (trace != Traceability.None)
        {
            var before = trace == Traceability.Full ? Traceability.Partial : Traceability.None;
            var note = trace == Traceability.Full
                ? "实现产品质量全程追溯 (full traceability)"
                : "建立产品质量追溯制度 (partial traceability)";
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
        var worse = current with
        {
            Date = lapse, QualitySystem = current.QualitySystem - 1, Note = "质量管理体系未有效运行 (quality system lapsed)",
        };
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
