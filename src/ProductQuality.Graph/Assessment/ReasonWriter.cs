using System.Globalization;
using ProductQuality.Graph.Blacklist;

namespace ProductQuality.Graph.Assessment;

/// <summary>Says what happened on an assessment date, for the record's Reason column.</summary>
internal sealed class ReasonWriter(EnterpriseFactSet facts, int windowYears, Func<string, string> productName)
{
    private const int MaxLength = 1000;

    public string For(DateOnly asOf, bool first, IReadOnlyList<BlacklistEvent> blacklist)
    {
        var parts = new List<string>();
        if (first)
        {
            parts.Add("首次分类 first classification");
        }

        parts.AddRange(facts.Management.Skip(1).Where(m => m.Date == asOf).Select(m => m.Note));
        foreach (var s in facts.Samplings.Where(s => s.Date == asOf))
        {
            parts.Add($"{(s.IsFollowUp ? "复查 follow-up sampling" : "监督抽查 sampling")} of {productName(s.ProductCode)} {(s.Passed ? "passed (合格)" : "failed (不合格)")}");
        }

        parts.AddRange(facts.Decisions.Where(d => d.Date == asOf).Select(d => $"enforcement decision (处罚决定): {d.Kind}"));
        if (facts.Complaints.Any(c => c == asOf))
        {
            parts.Add("valid complaint (有效投诉)");
        }

        parts.AddRange(facts.ClassOverrides.Where(o => o.From == asOf)
            .Select(o => o.Class is { } c ? $"manual override (人工调整) to {c}: {o.Reason}" : $"manual override withdrawn (撤销人工调整): {o.Reason}"));
        parts.AddRange(facts.ClassOverrides.Where(o => o.Class is not null && o.ExpiresOn.AddDays(1) == asOf).Select(_ => "manual override expired (人工调整到期)"));
        parts.AddRange(facts.BlacklistDecisions.Where(d => d.Date == asOf)
            .Select(d => d.Kind == BlacklistEventKind.Listed ? $"listed by decision {d.Number} (决定列入黑名单)" : $"removed by decision {d.Number} (决定移出黑名单)"));
        parts.AddRange(blacklist.Where(e => e.OccurredOn == asOf)
            .Select(e => e.Kind == BlacklistEventKind.Listed ? "listed on the blacklist (列入黑名单)" : "removed from the blacklist (移出黑名单)"));
        parts.AddRange(facts.Samplings.Where(s => s.Date.AddYears(windowYears).AddDays(1) == asOf)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"sampling of {s.Date:yyyy-MM-dd} left the {windowYears}-year window")));
        if (parts.Count == 0)
        {
            parts.Add("复核 scheduled review");
        }

        var reason = string.Join("; ", parts);
        return reason.Length <= MaxLength ? reason : reason[..MaxLength];
    }
}
