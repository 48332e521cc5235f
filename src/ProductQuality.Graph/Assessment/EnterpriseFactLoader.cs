using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Rules.Enterprises;
using ProductQuality.Graph.Rules.Timeline;

namespace ProductQuality.Graph.Assessment;

/// <summary>
/// Reads the recorded facts of a batch of enterprises into <see cref="EnterpriseFactSet"/>s: one query per kind of
/// fact for the whole batch, ordered by date and then by insertion (id), so a replay sees the facts exactly as the
/// data set generator produced them.
/// </summary>
internal static class EnterpriseFactLoader
{
    public static async Task<Dictionary<int, EnterpriseFactSet>> LoadAsync(
        ProductQualityDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var products = (await db.EnterpriseProducts.AsNoTracking().Where(p => ids.Contains(p.EnterpriseId))
            .Select(p => new { p.EnterpriseId, p.ProductCode }).ToListAsync(ct))
            .ToLookup(p => p.EnterpriseId, p => p.ProductCode);
        var management = (await db.ManagementRecords.AsNoTracking().Where(m => ids.Contains(m.EnterpriseId))
            .OrderBy(m => m.EffectiveFrom).ThenBy(m => m.Id)
            .Select(m => new
            {
                m.EnterpriseId, Fact = new ManagementFact(m.EffectiveFrom, m.Traceability, m.QualitySystem, m.Note),
            })
            .ToListAsync(ct)).ToLookup(m => m.EnterpriseId, m => m.Fact);
        var samplings = (await db.Inspections.AsNoTracking().Where(i => ids.Contains(i.EnterpriseId))
            .OrderBy(i => i.SampledOn).ThenBy(i => i.Id)
            .Select(i => new
            {
                i.EnterpriseId, i.SampledOn, i.ProductCode, i.Passed, Safety = i.FailedItems.Any(f => f.IsSafetyItem),
                i.RectificationOrderedOn,
            })
            .ToListAsync(ct)).ToLookup(s => s.EnterpriseId, s => new SamplingRecord(
                s.SampledOn, s.Passed, s.Safety, s.ProductCode, s.RectificationOrderedOn));
        var decisions = (await db.EnforcementDecisions.AsNoTracking().Where(d => ids.Contains(d.EnterpriseId))
            .OrderBy(d => d.DecidedOn).ThenBy(d => d.Id)
            .Select(d => new { d.EnterpriseId, Fact = new DecisionFact(d.DecidedOn, d.Kind, d.DecisionNumber) })
            .ToListAsync(ct)).ToLookup(d => d.EnterpriseId, d => d.Fact);
        var complaints = (await db.Complaints.AsNoTracking().Where(c => ids.Contains(c.EnterpriseId))
            .OrderBy(c => c.FoundValidOn).ThenBy(c => c.Id)
            .Select(c => new { c.EnterpriseId, c.FoundValidOn })
            .ToListAsync(ct)).ToLookup(c => c.EnterpriseId, c => c.FoundValidOn);
        var overrides = (await db.ClassOverrides.AsNoTracking().Where(o => ids.Contains(o.EnterpriseId))
            .OrderBy(o => o.EffectiveFrom).ThenBy(o => o.Id)
            .Select(o => new
            {
                o.EnterpriseId, Fact = new ClassOverrideFact(o.EffectiveFrom, o.Class, o.Reason, o.ExpiresOn),
            })
            .ToListAsync(ct)).ToLookup(o => o.EnterpriseId, o => o.Fact);
        var listings = (await db.BlacklistEvents.AsNoTracking()
            .Where(b => ids.Contains(b.EnterpriseId) && b.Source == BlacklistEventSource.Decision)
            .OrderBy(b => b.OccurredOn).ThenBy(b => b.Id)
            .Select(b => new
            {
                b.EnterpriseId,
                Fact = new BlacklistDecisionFact(b.OccurredOn, b.Kind, b.ReasonCategory, b.DecisionNumber),
            })
            .ToListAsync(ct)).ToLookup(b => b.EnterpriseId, b => b.Fact);

        var sets = new Dictionary<int, EnterpriseFactSet>(ids.Count);
        foreach (var id in ids)
        {
            var history = management[id].ToList();
            if (history.Count == 0)
            {
                // Without a management record there is no supervised history to replay (never the case for data
                // recorded through this server: an enterprise is registered with its first record).
                continue;
            }

            sets[id] = new EnterpriseFactSet(
                history[0].Date, products[id].ToList(), history, samplings[id].ToList(), decisions[id].ToList(),
                complaints[id].ToList(), overrides[id].ToList(), listings[id].ToList());
        }

        return sets;
    }
}
