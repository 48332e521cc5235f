using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.History;

namespace ProductQuality.Graph.Products;

/// <summary>
/// The gradings of each of a batch of products that change something the reader sees
/// (<see cref="TierHistoryView"/>), newest first, at most <see cref="ProductLoaders.MaxTierHistoryLimit"/>: read once
/// a request, whatever <c>limit</c> each field asks (17 aliases of the catalogue's history, each of its own limit, read
/// it 17 times and ran past the 10 s timeout: the cost probe). Which rows those are is known only from their
/// explanations, and few rows change what such a reader sees (a handful a product), so a product's history is read
/// whole in one statement, up to <see cref="MostRead"/> gradings: reading deeper by steps read most of it twice
/// (35,581 of the 45,569 gradings of the default data set are of products graded more than 256 times).
/// </summary>
internal static class VisibleGradings
{
    /// <summary>
    /// The most gradings read of one product (the busiest of the default data set has 1,327): a change older than
    /// these is not in the reader's history, as the oldest row read is only what the next is compared with.
    /// </summary>
    public const int MostRead = 4_096;

    public static async Task<List<ProductTierAssessment>> OfAsync(ProductQualityDbContext db, KnownOn? on,
        IReadOnlyList<string> codes, Audience audience, CancellationToken ct)
    {
        var fingerprint = new GradingFingerprint(audience);
        var found = new List<ProductTierAssessment>();
        var read = (await NewestGradings.Of(db, on, codes, MostRead).ToListAsync(ct))
            .ToLookup(a => a.ProductCode, StringComparer.Ordinal);
        foreach (var rows in read)
        {
            var seen = TierHistoryView.For(fingerprint, rows.ToList(), rows.Count() < MostRead);
            found.AddRange(seen.Take(ProductLoaders.MaxTierHistoryLimit));
        }

        return found;
    }
}
