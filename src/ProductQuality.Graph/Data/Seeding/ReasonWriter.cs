using System.Globalization;
using ProductQuality.Graph.Blacklist;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>Says what happened on an assessment date, for the record's Reason column.</summary>
internal sealed class ReasonWriter(EnterpriseDraft draft, int windowYears, Func<string, string> productName)
{
    private const int MaxLength = 1000;

    public string For(DateOnly asOf, bool first, IReadOnlyList<BlacklistEvent> blacklist)
    {
        var parts = new List<string>();
        if (first)
        {
            parts.Add("首次分类 first classification");
        }

        foreach (var m in draft.Management.Skip(1).Where(m => m.Date == asOf))
        {
            parts.Add(m.Note);
        }

        foreach (var s in draft.Samplings.Where(s => s.Date == asOf))
        {
            parts.Add($"{(s.IsFollowUp ? "复查 follow-up sampling" : "监督抽查 sampling")} of {productName(s.ProductCode)} {(s.Passed ? "passed (合格)" : "failed (不合格)")}");
        }

        foreach (var d in draft.Decisions.Where(d => d.Date == asOf))
        {
            parts.Add($"enforcement decision (处罚决定): {d.Kind}");
        }

        if (draft.Complaints.Any(c => c.Date == asOf))
        {
            parts.Add("valid complaint (有效投诉)");
        }

        foreach (var e in blacklist.Where(e => e.OccurredOn == asOf))
        {
            parts.Add(e.Kind == BlacklistEventKind.Listed ? "listed on the blacklist (列入黑名单)" : "removed from the blacklist (移出黑名单)");
        }

        foreach (var s in draft.Samplings.Where(s => s.Date.AddYears(windowYears).AddDays(1) == asOf))
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"sampling of {s.Date:yyyy-MM-dd} left the {windowYears}-year window"));
        }

        if (parts.Count == 0)
        {
            parts.Add("复核 scheduled review");
        }

        var reason = string.Join("; ", parts);
        return reason.Length <= MaxLength ? reason : reason[..MaxLength];
    }
}
