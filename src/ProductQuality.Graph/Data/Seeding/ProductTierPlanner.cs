using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Rules.Products;
using ProductQuality.Graph.Rules.Timeline;
using ProductQuality.Graph.Signals;
using ProductQuality.Graph.Warnings;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// Grades every product with <see cref="ProductTierRule"/> once a year over the history (on each anniversary of its
/// start, and on today): the city's sampling in the last three years, the city's bulletins of the last two, external
/// risk signals, complaints, and the product's traits and sensitivity — through <see cref="ProductFacts"/>, as the
/// live grader does.
/// </summary>
internal sealed class ProductTierPlanner(RulesOptions rules, HistoryStatistics stats,
    IReadOnlyList<RiskWarning> warnings, IReadOnlyList<ExternalRiskSignal> signals)
{
    private readonly ProductTierRule rule = new(rules);

    public (List<ProductTierAssessment> Assessments, ProductTierTimeline Timeline) Grade(
        IReadOnlyList<Product> products, DateOnly start, DateOnly today)
    {
        var dates = Enumerable.Range(0, today.Year - start.Year + 1).Select(start.AddYears).Where(d => d < today)
            .Append(today).Distinct().ToList();
        var assessments = new List<ProductTierAssessment>();
        var timeline = new ProductTierTimeline();
        var window = rules.EnterpriseClass.SamplingWindowYears;
        var signalsOf = signals.ToLookup(x => x.ProductCode, StringComparer.Ordinal);
        foreach (var product in products)
        {
            foreach (var date in dates)
            {
                var (sampled, failed, safetyFailed, complaints) =
                    stats.Window(product.Code, date.AddYears(-window), date);
                var bulletins = warnings.Count(w => w.ProductCode == product.Code && w.IssuedOn > date.AddYears(-2)
                    && w.IssuedOn <= date);
                var facts = ProductFacts.For(product, new SamplingCounts(sampled, failed, safetyFailed), complaints,
                    bulletins, signalsOf[product.Code].Where(x => rule.SignalCounts(x.PublishedOn, date)));
                var result = rule.Evaluate(facts, date);
                assessments.Add(new ProductTierAssessment
                {
                    ProductCode = product.Code,
                    EffectiveFrom = date,
                    Tier = result.Tier,
                    RiskScore = (double)result.Score,
                    Reason = date == today ? "scheduled grading (定期分级) as of today" : "yearly grading (年度分级)",
                    Explanation = ExplanationJson.Serialize(result.Explanation),
                    RulesVersion = rules.Version,
                    RecordedAtUtc = Stamp.At(date, 1),
                });
                timeline.Add(product.Code, date, result.Tier);
                product.Tier = result.Tier;
                product.RiskScore = (double)result.Score;
            }
        }

        return (assessments, timeline);
    }
}
