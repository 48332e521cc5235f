using System.Text.Json.Serialization;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Inspections;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Bench.Plain;

/// <summary>
/// The plain page answer: the node fields of the GraphQL page query (<see cref="Load.Queries.Page"/>).
/// </summary>
internal sealed record PlainPage(IReadOnlyList<PlainPageItem> Items, bool HasNextPage);

/// <summary>A page row; <see cref="Inspections"/> only when the request asks for the latest ones.</summary>
internal sealed record PlainPageItem(string CreditCode, string Name, EnterpriseClass Class, FourColor HealthCode,
    IReadOnlyList<PlainProduct> Products,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PlainInspection>? Inspections)
{
    public static PlainPageItem From(Enterprise e, IEnumerable<Product> products, IEnumerable<Inspection>? latest) =>
        new(e.CreditCode, e.Name, e.Class, e.HealthCode, products.Select(PlainProduct.From).ToList(),
            latest?.Select(PlainInspection.From).ToList());
}
