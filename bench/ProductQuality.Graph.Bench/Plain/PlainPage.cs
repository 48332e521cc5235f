using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Bench.Plain;

/// <summary>The plain page answer: the node fields of the GraphQL page query (<see cref="Load.Queries.Page"/>).</summary>
internal sealed record PlainPage(IReadOnlyList<PlainPageItem> Items, bool HasNextPage);

internal sealed record PlainPageItem(string CreditCode, string Name, EnterpriseClass Class, FourColor HealthCode, IReadOnlyList<PlainProduct> Products)
{
    public static PlainPageItem From(Enterprise e, IEnumerable<Product> products) =>
        new(e.CreditCode, e.Name, e.Class, e.HealthCode, products.Select(PlainProduct.From).ToList());
}
