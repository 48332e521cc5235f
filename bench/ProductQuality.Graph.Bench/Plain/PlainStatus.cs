using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Inspections;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Bench.Plain;

/// <summary>
/// The plain status answer: the fields of the GraphQL status query (<see cref="Load.Queries.Status"/>), same names.
/// </summary>
internal sealed record PlainStatus(
    string CreditCode,
    string Name,
    EnterpriseClass Class,
    DateOnly ClassEffectiveFrom,
    FourColor HealthCode,
    FourColor MapColour,
    double QualityIndex,
    bool Blacklisted,
    DateOnly? BlacklistedSince,
    bool Assured,
    DateOnly? AssuredUntil,
    IReadOnlyList<PlainProduct> Products,
    IReadOnlyList<PlainInspection> Inspections)
{
    public static PlainStatus From(Enterprise e, IEnumerable<Product> products, IEnumerable<Inspection> latest) => new(
        e.CreditCode, e.Name, e.Class, e.ClassEffectiveFrom, e.HealthCode, e.MapColour, e.QualityIndex,
        e.IsBlacklisted, e.BlacklistedSince, e.IsAssured, e.AssuredUntil,
        products.Select(PlainProduct.From).ToList(),
        latest.Select(PlainInspection.From).ToList());
}

internal sealed record PlainProduct(string Code, string Name, ProductTier Tier)
{
    public static PlainProduct From(Product p) => new(p.Code, p.NameZh, p.Tier);
}

internal sealed record PlainInspection(
    string ReportNumber, DateOnly SampledOn, bool Passed, IReadOnlyList<PlainFailedItem> FailedItems)
{
    public static PlainInspection From(Inspection i) => new(i.ReportNumber, i.SampledOn, i.Passed,
        i.FailedItems.Select(f => new PlainFailedItem(f.Name, f.IsSafetyItem)).ToList());
}

internal sealed record PlainFailedItem(string Name, bool SafetyItem);
