using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.History;

namespace ProductQuality.Graph.Products;

/// <summary>
/// The <c>limit</c> newest gradings of each of a batch of products that change something the reader sees
/// (<see cref="TierHistoryView"/>). Which rows those are is known only from their explanations, so the newest rows
/// are read a batch at a time, one more than asked (the row the oldest is compared with), and the products still
/// short of <c>limit</c> read again four times as deep, until they have enough or their whole history is read.
/// </summary>
internal static class VisibleGradings
{
    public static async Task<List<ProductTierAssessment>> OfAsync(ProductQualityDbContext db, KnownOn? on,
        IReadOnlyList<string> codes, int limit, Audience audience, CancellationToken ct)
    {
        var found = new List<ProductTierAssessment>();
        var (pending, depth) = (codes, limit + 1);
        while (pending.Count > 0)
        {
            var read = (await NewestGradings.Of(db, on, pending, depth).ToListAsync(ct))
                .ToLookup(a => a.ProductCode, StringComparer.Ordinal);
            var deeper = new List<string>();
            foreach (var code in pending)
            {
                var rows = read[code].ToList();
                var whole = rows.Count < depth;
                var seen = TierHistoryView.For(audience, rows, whole);
                if (whole || seen.Count >= limit)
                {
                    found.AddRange(seen.Take(limit));
                }
                else
                {
                    deeper.Add(code);
                }
            }

            (pending, depth) = (deeper, depth * 4);
        }

        return found;
    }
}
