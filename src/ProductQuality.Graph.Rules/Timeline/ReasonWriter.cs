using System.Globalization;
using ProductQuality.Graph.Rules.Blacklist;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Enterprises;

namespace ProductQuality.Graph.Rules.Timeline;

/// <summary>
/// Says what happened on an assessment date, for the record's reason: one part per fact, each tagged with the
/// kind of fact it states, so each contract reads only the parts it may (the host stores and filters the parts).
/// </summary>
public sealed class ReasonWriter(
    EnterpriseFactSet facts, int windowYears, Func<string, string> productName, ProductTierTimeline? tiers = null)
{
    /// <summary>
    /// The clause saying how the class moved under the principle: an outcome of the day's facts, not a fact. A history
    /// row that says only this to a reader, with no value it reads changed, dates facts it may not read.
    /// </summary>
    public static string? TransitionText(ClassTransitionKind transition) => transition switch
    {
        ClassTransitionKind.Downgraded => "downgraded under the upgrade/downgrade principle (升降原则)",
        ClassTransitionKind.Upgraded => "upgraded under the upgrade/downgrade principle (升降原则)",
        ClassTransitionKind.UpgradeDeferred => "upgrade deferred under the upgrade/downgrade principle (升降原则)",
        _ => null,
    };

    /// <summary>Whether a reason's part is a <see cref="TransitionText"/>.</summary>
    public static bool IsTransition(string text) => Transitions.Contains(text);

    private static readonly HashSet<string> Transitions = Enum.GetValues<ClassTransitionKind>()
        .Select(TransitionText).OfType<string>().ToHashSet(StringComparer.Ordinal);

    public IReadOnlyList<SummaryClause> For(
        DateOnly asOf, bool first, IReadOnlyList<ListingRecord> blacklist, ClassTransitionKind transition)
    {
        ArgumentNullException.ThrowIfNull(blacklist);
        var parts = new List<SummaryClause>();
        if (first)
        {
            Add(parts, FactGroup.Class, "首次分类 first classification");
        }

        // What a reader without the facts' groups still learns: how the class moved under the principle.
        Add(parts, FactGroup.Class, TransitionText(transition));
        AddFacts(parts, asOf, first, blacklist);
        if (parts.Count == 0)
        {
            Add(parts, FactGroup.Class, "复核 scheduled review");
        }

        return parts;
    }

    /// <summary>
    /// The facts of <paramref name="asOf"/> alone, whether or not they changed anything: why a change reported earlier
    /// that day was taken back by a later write of the day (an override set, then withdrawn), where the history has no
    /// row of the day to say it. Empty when the day has no fact.
    /// </summary>
    public IReadOnlyList<SummaryClause> FactsOn(DateOnly asOf, IReadOnlyList<ListingRecord> blacklist)
    {
        ArgumentNullException.ThrowIfNull(blacklist);
        var parts = new List<SummaryClause>();
        AddFacts(parts, asOf, first: false, blacklist);
        return parts;
    }

    private void AddFacts(List<SummaryClause> parts, DateOnly asOf, bool first, IReadOnlyList<ListingRecord> blacklist)
    {
        foreach (var m in facts.Management.Skip(1).Where(m => m.Date == asOf))
        {
            Add(parts, FactGroup.ClassFactors,
                $"management status (管理状况): traceability (追溯能力) {m.Traceability.Label()}, " +
                $"quality management system (质量管理体系) {m.QualitySystem.Label()}");
            Add(parts, FactGroup.Enforcement, m.Note);
        }

        foreach (var s in facts.Samplings.Where(s => s.Date == asOf))
        {
            var kind = s.IsFollowUp ? "复查 follow-up sampling" : "监督抽查 sampling";
            var result = s.Passed ? "passed (合格)" : "failed (不合格)";
            Add(parts, FactGroup.Inspections, $"{kind} of {productName(s.ProductId ?? string.Empty)} {result}");
        }

        foreach (var d in facts.Decisions.Where(d => d.Date == asOf))
        {
            Add(parts, FactGroup.Enforcement, $"enforcement decision (处罚决定): {d.Kind.Label()}");
        }

        if (facts.Complaints.Any(c => c == asOf))
        {
            Add(parts, FactGroup.Enforcement, "valid complaint (有效投诉)");
        }

        foreach (var o in facts.ClassOverrides.Where(o => o.From == asOf))
        {
            // That the class was set by hand is a class fact; the regulator's own words may cite anything.
            Add(parts, FactGroup.Class,
                o.Class is { } c ? $"manual override (人工调整) to {c}" : "manual override withdrawn (撤销人工调整)");
            Add(parts, FactGroup.Enforcement, o.Reason);
        }

        foreach (var o in facts.ClassOverrides.Where(o =>
            o.Class is not null && InForce.EndsAfter(o.ExpiresOn) == asOf))
        {
            Add(parts, FactGroup.Class, "manual override expired (人工调整到期)");
        }

        foreach (var d in facts.BlacklistDecisions.Where(d => d.Date == asOf))
        {
            var listed = d.Kind == BlacklistEventKind.Listed;
            Add(parts, FactGroup.BlacklistStatus, Listing(listed));
            Add(parts, FactGroup.BlacklistDetail,
                listed ? $"by decision {d.Number} (决定列入黑名单)" : $"by decision {d.Number} (决定移出黑名单)");
        }

        foreach (var e in blacklist.Where(e => e.OccurredOn == asOf))
        {
            Add(parts, FactGroup.BlacklistStatus, Listing(e.Kind == BlacklistEventKind.Listed));
        }

        foreach (var s in facts.Samplings.Where(s => InForce.LeavesWindow(s.Date, windowYears) == asOf))
        {
            Add(parts, FactGroup.Inspections,
                string.Create(CultureInfo.InvariantCulture,
                    $"sampling of {s.Date:yyyy-MM-dd} left the {windowYears}-year window"));
        }

        // Penalties and complaints leave their windows as samplings do: enforcement facts, tagged as when they entered.
        foreach (var d in facts.Decisions.Where(d => InForce.LeavesWindow(d.Date, windowYears) == asOf))
        {
            Add(parts, FactGroup.Enforcement,
                string.Create(CultureInfo.InvariantCulture,
                    $"enforcement decision (处罚决定) of {d.Date:yyyy-MM-dd}, {d.Kind.Label()}, " +
                    $"left the {windowYears}-year window"));
        }

        const int complaintYears = EnterpriseFactSet.ComplaintWindowYears;
        foreach (var c in facts.Complaints.Distinct().Where(c => InForce.LeavesOpenWindow(c, complaintYears) == asOf))
        {
            Add(parts, FactGroup.Enforcement,
                string.Create(CultureInfo.InvariantCulture,
                    $"valid complaint (有效投诉) of {c:yyyy-MM-dd} left the {complaintYears}-year window"));
        }

        foreach (var p in facts.ProductCodes)
        {
            var tier = tiers?.TierOn(p, asOf);
            if (!first && tier is { } now && now != tiers!.TierOn(p, asOf.AddDays(-1)))
            {
                Add(parts, FactGroup.ProductTiers, $"risk tier (产品分级) of {productName(p)} now {now.Label()}");
            }
        }

    }

    private static string Listing(bool listed) =>
        listed ? "listed on the blacklist (列入黑名单)" : "removed from the blacklist (移出黑名单)";

    private static void Add(List<SummaryClause> parts, FactGroup group, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            parts.Add(new SummaryClause(text, [group]));
        }
    }
}
