using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure.Clock;
using ProductQuality.Graph.Regions;
using ProductQuality.Graph.Rules;

namespace ProductQuality.Graph.Assessment;

/// <summary>
/// Re-evaluates what a recorded fact touches, inside the caller's transaction: the touched products' tiers first,
/// then each touched enterprise — plus every maker of a product whose tier changed — replayed from its facts, then
/// the town, county and city of every enterprise that changed. Only what the fact touches is read and written.
/// </summary>
public sealed class ReEvaluator(RulesOptions rules, BureauClock clock)
{
    /// <summary>Re-evaluates and saves; the caller owns the transaction and commits it.</summary>
    public async Task<ReEvaluation> ReEvaluateAsync(ProductQualityDbContext db, Touched touched, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(touched);
        await AssessmentTransaction.LockAsync(db, ct);
        var today = clock.Today;
        var now = clock.UtcNow;
        var (products, gradings) = (0, 0);
        var enterpriseIds = touched.EnterpriseIds.ToHashSet();
        // Makers of products graded for missed days: their changes from the first such day on are news, not
        // corrections (EnterpriseReEvaluator).
        var makersDueFrom = new Dictionary<int, DateOnly>();
        if (touched.ProductCodes.Count > 0)
        {
            // Graded on the day each change happened: a late fact's day, or the days a product fell due.
            var regrading = new ProductRegrading(rules, today, now);
            var codes = touched.ProductCodes.ToList();
            var (changed, added, tierChanged, unevaluatedFrom) = touched.ProductsDue
                ? await regrading.WhenDueAsync(db, codes, ct)
                : await regrading.FromFactAsync(db, codes, touched.ProductsFrom ?? today, ct);
            (products, gradings) = (changed, added);
            if (tierChanged.Count > 0)
            {
                var moved = tierChanged.ToList();
                var makers = await db.EnterpriseProducts.Where(p => moved.Contains(p.ProductCode))
                    .Select(p => new { p.EnterpriseId, p.ProductCode }).ToListAsync(ct);
                enterpriseIds.UnionWith(makers.Select(m => m.EnterpriseId));
                foreach (var maker in makers.Where(_ => touched.ProductsDue))
                {
                    var day = unevaluatedFrom.GetValueOrDefault(maker.ProductCode, today);
                    makersDueFrom[maker.EnterpriseId] =
                        makersDueFrom.TryGetValue(maker.EnterpriseId, out var known) && known < day ? known : day;
                }
            }
        }

        await db.SaveChangesAsync(ct);
        if (enterpriseIds.Count == 0)
        {
            return new ReEvaluation(0, 0, products, gradings, 0);
        }

        var makes = await db.EnterpriseProducts.Where(p => enterpriseIds.Contains(p.EnterpriseId))
            .Select(p => p.ProductCode).Distinct().ToListAsync(ct);
        var tiers = await TierTimelineLoader.LoadAsync(db, makes, ct);
        var names = await db.Products.Where(p => makes.Contains(p.Code))
            .ToDictionaryAsync(p => p.Code, p => p.NameZh, StringComparer.Ordinal, ct);
        var enterprises = await new EnterpriseReEvaluator(
                rules, tiers, today, now, code => names.GetValueOrDefault(code, code))
            .ReEvaluateAsync(db, enterpriseIds.ToList(), ct, makersDueFrom);
        await db.SaveChangesAsync(ct);
        if (enterprises.Count == 0)
        {
            return new ReEvaluation(enterpriseIds.Count, 0, products, gradings, 0);
        }

        var city = await db.Regions.Where(r => r.Level == RegionLevel.City).Select(r => r.Code).SingleAsync(ct);
        var regions = await new RegionReassessor(rules, today, now)
            .ReassessAsync(db, RegionReassessor.RegionsOf(enterprises, city), ct);
        await db.SaveChangesAsync(ct);
        return new ReEvaluation(enterpriseIds.Count, enterprises.Count, products, gradings, regions);
    }
}
