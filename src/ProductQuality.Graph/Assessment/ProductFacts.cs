using ProductQuality.Graph.Products;
using ProductQuality.Graph.Rules.Products;
using ProductQuality.Graph.Signals;

namespace ProductQuality.Graph.Assessment;

/// <summary>
/// The one place that turns a product's stored traits and counted facts into the tier rule's input, used by the live
/// grader and the data set generator alike, so a freshly seeded database and a <c>recompute</c> of it agree.
/// </summary>
internal static class ProductFacts
{
    public static ProductRiskFacts For(Product product, SamplingCounts sampling, int complaints, int bulletins,
        IEnumerable<ExternalRiskSignal> signals) => new()
    {
        SampledBatches = sampling.Sampled,
        FailedBatches = sampling.Failed,
        SafetyFailedBatches = sampling.SafetyFailed,
        CityBulletins = bulletins,
        Signals = signals.Select(ToRule).ToList(),
        LicenceRequired = product.ProductionLicenceRequired,
        CccRequired = product.CccRequired,
        NationalGrade = product.NationalGrade,
        ForChildren = product.ForChildren,
        ForElderly = product.ForElderly,
        SafetyCritical = product.SafetyCritical,
        FoodContact = product.FoodContact,
        Complaints = complaints,
    };

    public static ExternalSignal ToRule(ExternalRiskSignal s) =>
        new(s.Source.Label(), s.Reference, s.PublishedOn, s.Severity);
}
