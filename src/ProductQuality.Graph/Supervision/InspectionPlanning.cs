using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Rules.Supervision;

namespace ProductQuality.Graph.Supervision;

/// <summary>
/// The whole plan of a period, in work-list order (due day, severer colour, id): every enterprise due by its end,
/// less those a special campaign covers on the day the plan would inspect them (their due day, or the period's
/// start when overdue). Held as small records, so the query can page it and the report can count it.
/// </summary>
public static class InspectionPlanning
{
    public static async Task<List<PlannedInspection>> PlanAsync(ProductQualityDbContext db,
        IQueryable<Enterprise> enterprises, InspectionFrequencyRule rule, RulesOptions options, DateOnly from,
        DateOnly to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(options);
        var due = await InspectionPlanCandidates.DueByAsync(db, enterprises, rule, to, ct);
        var campaigns = options.Supervision.Exclusions.Where(c => c.From <= to && from <= c.To).ToList();
        var codes = campaigns.SelectMany(c => c.ProductCodes).Distinct().ToList();
        var makes = codes.Count == 0 ? [] : await db.EnterpriseProducts.AsNoTracking()
            .Where(p => codes.Contains(p.ProductCode))
            .Select(p => new { p.EnterpriseId, p.ProductCode })
            .ToListAsync(ct);
        var products = makes.ToLookup(m => m.EnterpriseId, m => m.ProductCode);
        return due
            .Select(d => new PlannedInspection(d.Id, d.CreditCode, rule.Evaluate(d.Subject, d.Last, from)))
            .Where(p => p.Schedule.DueOn <= to && !campaigns.Any(c => Covers(c, p)))
            .OrderBy(p => p.Schedule.DueOn).ThenBy(p => (int)p.Schedule.Colour).ThenBy(p => p.Id)
            .ToList();

        bool Covers(CampaignExclusion campaign, PlannedInspection p) =>
            campaign.Covers(p.Schedule.DueOn < from ? from : p.Schedule.DueOn)
            && (campaign.CreditCodes.Contains(p.CreditCode) || products[p.Id].Any(campaign.ProductCodes.Contains));
    }
}
