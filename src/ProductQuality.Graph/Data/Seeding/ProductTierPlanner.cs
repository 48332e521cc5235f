using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Rules.Products;
using ProductQuality.Graph.Rules.Timeline;
using ProductQuality.Graph.Warnings;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// Grades every product with <see cref="ProductTierRule"/> once a year over the history (on each
/// anniversary of its start, and on today): the city's sampling in the last three years, the
/// warnings of the last two, complaints, and the product's sensitivity.
/// </summary>
internal sealed class ProductTierPlanner(RulesOptions rules, HistoryStatistics stats, IReadOnlyList<RiskWarning> warnings)
{
    private readonly ProductTierRule rule = new(rules);

    public (List<ProductTierAssessment> Assessments, ProductTierTimeline Timeline) Grade(IReadOnlyList<Product> products, DateOnly start, DateOnly today)
    {
        var dates = Enumerable.Range(0, 5).Select(start.AddYears).Append(today).Distinct().ToList();
        var assessments = new List<ProductTierAssessment>();
        var timeline = new ProductTierTimeline();
        var window = rules.EnterpriseClass.SamplingWindowYears;
        foreach (var product in products)
        {
            foreach (var date in dates)
            {
                var (sampled, failed, complaints) = stats.Window(product.Code, date.AddYears(-window), date);
                var facts = new ProductRiskFacts
                {
                    SampledBatches = sampled,
                    FailedBatches = failed,
                    RiskWarnings = warnings.Count(w => w.ProductCode == product.Code && w.IssuedOn > date.AddYears(-2) && w.IssuedOn <= date),
                    ForChildren = product.ForChildren,
                    ForElderly = product.ForElderly,
                    SafetyCritical = product.SafetyCritical,
                    FoodContact = product.FoodContact,
                    Complaints = complaints,
                };
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
