using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Regions;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Assessment;

/// <summary>
/// Colours and indexes regions as of today from the enterprises' cached current columns, grouped in SQL, and
/// appends an assessment for each region whose result differs from its latest (superseding one of the same day).
/// The city needs every enterprise anyway, so one grouped scan serves the town, the county and the city.
/// </summary>
internal sealed class RegionReassessor(RulesOptions rules, DateOnly today, DateTime now)
{
    /// <summary>Today's assessment of every region, from the enterprise table.</summary>
    public static async Task<List<RegionAssessment>> AssessAllAsync(ProductQualityDbContext db, RulesOptions rules,
        IReadOnlyList<Region> regions, DateOnly today, CancellationToken ct)
    {
        var groups = await db.Enterprises.AsNoTracking()
            .GroupBy(e => new { e.TownCode, e.MapColour, e.HighestTier, e.QualityIndex, e.Class })
            .Select(g => new
            {
                g.Key.TownCode, g.Key.MapColour, g.Key.HighestTier, g.Key.QualityIndex, g.Key.Class, Count = g.Count(),
            })
            .ToListAsync(ct);
        var byTown = new Dictionary<string, RegionAggregate>(StringComparer.Ordinal);
        foreach (var g in groups)
        {
            if (!byTown.TryGetValue(g.TownCode, out var aggregate))
            {
                byTown[g.TownCode] = aggregate = new RegionAggregate();
            }

            aggregate.Add(g.MapColour, g.Class == EnterpriseClass.C, g.HighestTier, (int)Math.Round(g.QualityIndex),
                g.Count);
        }

        return new RegionAssessmentBuilder(rules, regions).Build(today, byTown);
    }

    /// <summary>Re-assesses the given regions (all when null); returns how many changed.</summary>
    public async Task<int> ReassessAsync(ProductQualityDbContext db, IReadOnlySet<string>? codes, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().ToListAsync(ct);
        var fresh = (await AssessAllAsync(db, rules, regions, today, ct))
            .Where(a => codes is null || codes.Contains(a.RegionCode)).ToList();
        var wanted = fresh.Select(a => a.RegionCode).ToList();
        var latest = (await db.RegionAssessments.AsNoTracking().Where(a => wanted.Contains(a.RegionCode))
                .OrderBy(a => a.EffectiveFrom).ThenBy(a => a.Id).ToListAsync(ct))
            .GroupBy(a => a.RegionCode).ToDictionary(g => g.Key, g => g.Last());
        var superseded = new List<long>();
        var changed = 0;
        foreach (var assessment in fresh)
        {
            var previous = latest.GetValueOrDefault(assessment.RegionCode);
            if (previous is not null && Same(previous, assessment))
            {
                continue;
            }

            if (previous is not null && previous.EffectiveFrom == today)
            {
                superseded.Add(previous.Id);
            }

            assessment.RecordedAtUtc = now;
            db.RegionAssessments.Add(assessment);
            changed++;
        }

        if (superseded.Count > 0)
        {
            await db.RegionAssessments.Where(a => superseded.Contains(a.Id))
                .ExecuteUpdateAsync(x => x.SetProperty(a => a.SupersededAtUtc, now), ct);
        }

        return changed;
    }

    /// <summary>The town, its county and the city of each enterprise.</summary>
    public static HashSet<string> RegionsOf(IEnumerable<Enterprises.Enterprise> enterprises, string cityCode)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in enterprises)
        {
            codes.Add(e.TownCode);
            codes.Add(e.CountyCode);
            codes.Add(cityCode);
        }

        return codes;
    }

    private static bool Same(RegionAssessment a, RegionAssessment b) =>
        a.Colour == b.Colour && a.QualityIndex.Equals(b.QualityIndex) && a.EnterpriseCount == b.EnterpriseCount
        && a.RedCount == b.RedCount && a.YellowCount == b.YellowCount && a.BlueCount == b.BlueCount
        && a.GreenCount == b.GreenCount && a.ClassCCount == b.ClassCCount
        && a.Explanation == b.Explanation && a.RulesVersion == b.RulesVersion;
}
