using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Rules.Products;
using ProductQuality.Graph.Rules.Timeline;
using ProductQuality.Graph.Signals;
using ProductQuality.Graph.Warnings;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// Grades every product with <see cref="ProductTierRule"/> over the history from the city's sampling in the last
/// three years, the city's bulletins of the last two, external risk signals, complaints, and the product's traits
/// and sensitivity — through <see cref="ProductFacts"/>, as the live grader does. Two ways: the history the server
/// would have recorded had it run every day (<see cref="GradeAsFactsArrive"/>: graded again on each day a fact comes
/// into or leaves its window, a grading kept when it differs from the one before), and the yearly grading on each
/// anniversary the supervisor draws its annual sampling plan from (<see cref="GradeYearly"/>).
/// </summary>
internal sealed class ProductTierPlanner(RulesOptions rules, HistoryStatistics stats,
    IReadOnlyList<RiskWarning> warnings, IReadOnlyList<ExternalRiskSignal> signals)
{
    private readonly ProductTierRule rule = new(rules);
    private readonly ILookup<string, ExternalRiskSignal> signalsOf =
        signals.ToLookup(x => x.ProductCode, StringComparer.Ordinal);
    private readonly ILookup<string, DateOnly> bulletinsOf = warnings.Where(w => w.ProductCode is not null)
        .ToLookup(w => w.ProductCode!, w => w.IssuedOn, StringComparer.Ordinal);

    /// <summary>The tiers of each anniversary of <paramref name="start"/> (and today), for the sampling plan.</summary>
    public ProductTierTimeline GradeYearly(IReadOnlyList<Product> products, DateOnly start, DateOnly today)
    {
        var dates = Enumerable.Range(0, today.Year - start.Year + 1).Select(start.AddYears).Where(d => d < today)
            .Append(today).Distinct().ToList();
        var timeline = new ProductTierTimeline();
        foreach (var product in products)
        {
            foreach (var date in dates)
            {
                timeline.Add(product.Code, date, rule.Evaluate(FactsOn(product, date), date).Tier);
            }
        }

        return timeline;
    }

    /// <summary>
    /// The gradings the server records, day by day from <paramref name="start"/> to today; the products are left with
    /// today's tier and score.
    /// </summary>
    public (List<ProductTierAssessment> Assessments, ProductTierTimeline Timeline) GradeAsFactsArrive(
        IReadOnlyList<Product> products, DateOnly start, DateOnly today)
    {
        var assessments = new List<ProductTierAssessment>();
        var timeline = new ProductTierTimeline();
        foreach (var product in products)
        {
            ProductTierAssessment? previous = null;
            object? counted = null;
            for (var date = start; date <= today; date = date.AddDays(1))
            {
                // The grading changes only when what it counts does: on other days there is nothing to grade.
                var counts = Counted(product.Code, date);
                if (counts.Equals(counted))
                {
                    continue;
                }

                counted = counts;
                var result = rule.Evaluate(FactsOn(product, date), date);
                var grading = new ProductTierAssessment
                {
                    ProductCode = product.Code,
                    EffectiveFrom = date,
                    Tier = result.Tier,
                    RiskScore = (double)result.Score,
                    Reason = previous is null ? TierReasons.FirstGrading
                        : ArrivedOn(product.Code, date) ? ProductRegrading.FactReason
                        : ProductRegrading.DueReason,
                    Explanation = ExplanationJson.Serialize(result.Explanation),
                    RulesVersion = rules.Version,
                    RecordedAtUtc = Stamp.At(date, 1),
                };
                if (previous is not null && previous.Tier == grading.Tier
                    && previous.RiskScore.Equals(grading.RiskScore) && previous.Explanation == grading.Explanation)
                {
                    continue;
                }

                assessments.Add(grading);
                timeline.Add(product.Code, date, result.Tier);
                previous = grading;
                product.Tier = result.Tier;
                product.RiskScore = (double)result.Score;
            }
        }

        return (assessments, timeline);
    }

    private ProductRiskFacts FactsOn(Product product, DateOnly date)
    {
        var (sampled, failed, safetyFailed, complaints) =
            stats.Window(product.Code, date.AddYears(-rules.EnterpriseClass.SamplingWindowYears), date);
        return ProductFacts.For(product, new SamplingCounts(sampled, failed, safetyFailed), complaints,
            Bulletins(product.Code, date), signalsOf[product.Code].Where(x => rule.SignalCounts(x.PublishedOn, date)));
    }

    // Everything a grading on the day counts, as one comparable value.
    private (int, int, int, int, int, int) Counted(string code, DateOnly date)
    {
        var window = stats.Window(code, date.AddYears(-rules.EnterpriseClass.SamplingWindowYears), date);
        var inWindow = new HashCode();
        foreach (var signal in signalsOf[code].Where(x => rule.SignalCounts(x.PublishedOn, date)))
        {
            inWindow.Add(signal.Reference);
        }

        return (window.Sampled, window.Failed, window.SafetyFailed, window.Complaints, Bulletins(code, date),
            inWindow.ToHashCode());
    }

    // The city's bulletins count for their window (Rules:ProductTier:BulletinWindowYears), as ProductGrader does.
    private int Bulletins(string code, DateOnly date) => bulletinsOf[code].Count(issued =>
        issued > date.AddYears(-rules.ProductTier.BulletinWindowYears) && issued <= date);

    // Whether a fact of the product is dated on the day (else the grading moved because one left its window).
    private bool ArrivedOn(string code, DateOnly date) =>
        stats.Window(code, date, date) is var (s, _, _, c) && s + c > 0
        || bulletinsOf[code].Contains(date) || signalsOf[code].Any(x => x.PublishedOn == date);
}
