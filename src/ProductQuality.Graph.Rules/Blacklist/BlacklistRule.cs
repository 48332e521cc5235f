using ProductQuality.Graph.Rules.Common;
using static ProductQuality.Graph.Rules.Common.ExplanationBuilder;

namespace ProductQuality.Graph.Rules.Blacklist;

/// <summary>
/// Blacklist (黑名单): listed for a failure of the same product after a rectification order and
/// within the window (default two years, day after the order through the same date two years on),
/// or for a serious-violation decision; removable after the rectification period without a
/// new violation, the period restarting at each new violation.
/// </summary>
public sealed class BlacklistRule(RulesOptions options)
{
    private readonly BlacklistOptions o = options.Blacklist;

    /// <summary>
    /// Finds every trigger for listing up to the as-of date and after the last removal. The explanation counts the
    /// facts known by the as-of date only: a listing's reasons must hold on its day, and an asOf reader must not learn
    /// of later orders, failures or decisions from it.
    /// </summary>
    public BlacklistListingResult EvaluateListing(BlacklistFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var triggers = new List<BlacklistTrigger>();
        foreach (var order in facts.RectificationOrders.Where(r => r.Date <= facts.AsOf))
        {
            var end = order.Date.AddYears(o.RepeatFailureWindowYears);
            var repeat = facts.FailedSamplings
                .Where(f => f.ProductId == order.ProductId && f.Date > order.Date && f.Date <= end
                    && f.Date <= facts.AsOf)
                .OrderBy(f => f.Date)
                .FirstOrDefault();
            if (repeat is not null)
            {
                triggers.Add(new(BlacklistReason.RepeatFailure, repeat.Date, order.ProductId,
                [
                    new(Inv($"repeat failure (屡查屡犯) within {o.RepeatFailureWindowYears} years of the rectification ")
                        + Inv($"order (责令整改) of {Date(order.Date)}"), [FactGroup.BlacklistDetail]),
                    new(Inv($"failed sampling (抽查不合格) of product {order.ProductId} on {Date(repeat.Date)}"),
                        [FactGroup.Inspections]),
                ]));
            }
        }

        foreach (var d in facts.Decisions.Where(d => d.Date <= facts.AsOf && d.Kind != BlacklistReason.RepeatFailure))
        {
            triggers.Add(new(d.Kind, d.Date, d.DecisionNumber,
            [
                new(Describe(d.Kind), [FactGroup.BlacklistDetail]),
                new(Inv($"enforcement decision (处罚决定) {d.DecisionNumber} of {Date(d.Date)}"),
                    [FactGroup.Enforcement]),
            ]));
        }

        triggers.RemoveAll(t => t.Date <= facts.RemovedOn);
        triggers.Sort((a, b) => a.Date.CompareTo(b.Date));
        var orders = facts.RectificationOrders.Count(r => r.Date <= facts.AsOf);
        var failures = facts.FailedSamplings.Count(f => f.Date <= facts.AsOf);
        var decisions = facts.Decisions.Count(d => d.Date <= facts.AsOf && d.Kind != BlacklistReason.RepeatFailure);
        var x = new ExplanationBuilder(RuleIds.BlacklistListing, options.Version)
            .Factor(FactGroup.BlacklistDetail, "rectification orders (责令整改)", Inv($"{orders}"),
                Inv($"repeat failure within {o.RepeatFailureWindowYears} years lists"), "checked")
            .Factor(FactGroup.Inspections, "failed sampling records (抽查不合格记录)", Inv($"{failures}"), null, "checked")
            .Factor(FactGroup.Enforcement, "serious-violation decisions (严重违法处罚决定)", Inv($"{decisions}"),
                null, "checked");
        // A trigger's reference names the failed product or the enforcement decision: facts of those groups.
        foreach (var t in triggers)
        {
            x.Factor(t.Reason == BlacklistReason.RepeatFailure ? FactGroup.Inspections : FactGroup.Enforcement,
                Describe(t.Reason), t.Reference, null, Inv($"listed from {Date(t.Date)}"));
        }

        if (triggers.Count == 0)
        {
            x.Clause("no repeat failure after a rectification order and no serious-violation decision",
                FactGroup.BlacklistDetail, FactGroup.Enforcement);
            return new(false, null, null, triggers, x.Build("not listed", "Not listed (不列入黑名单)"));
        }

        var latest = triggers[^1];
        foreach (var part in triggers.SelectMany(t => t.Parts))
        {
            x.Clause(part.Text, [.. part.Groups]);
        }

        return new(true, latest.Reason, latest.Date, triggers, x.Build("listed", "Listed (列入黑名单)"));
    }

    /// <summary>Whether a listing may be removed on the as-of date.</summary>
    public BlacklistRemovalResult EvaluateRemoval(BlacklistRemovalFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var violations = facts.ViolationsSinceListing.Where(v => v > facts.ListedOn && v <= facts.AsOf).ToList();
        var clockStart = violations.Count == 0 ? facts.ListedOn : violations.Max();
        var from = clockStart.AddYears(o.RectificationPeriodYears);
        var eligible = facts.AsOf >= from;
        var x = new ExplanationBuilder(RuleIds.BlacklistRemoval, options.Version)
            .Factor(FactGroup.BlacklistStatus, "listed on (列入日期)", Date(facts.ListedOn), null,
                "starts the rectification period")
            .Factor(FactGroup.BlacklistDetail, "violations since listing", Inv($"{violations.Count}"), null,
                violations.Count == 0 ? "none" : Inv($"period restarts {Date(clockStart)}"))
            .Factor(FactGroup.BlacklistDetail, "rectification period (整改期)", Inv($"{o.RectificationPeriodYears} years"),
                Inv($"ends {Date(from)}"), eligible ? "over" : "running");
        x.Clause(eligible
            ? Inv($"{o.RectificationPeriodYears} years without violation since {Date(clockStart)}")
            : Inv($"rectification period runs until {Date(from)}"), FactGroup.BlacklistDetail);
        var headline = eligible ? "Removal allowed (可移出黑名单)" : "Removal not yet allowed (暂不可移出黑名单)";
        return new(eligible, from, x.Build(eligible ? "removable" : "listed", headline));
    }

    private static string Describe(BlacklistReason reason) => reason switch
    {
        BlacklistReason.RepeatFailure => "repeat failure (屡查屡犯)",
        BlacklistReason.UnlicensedProduction => "unlicensed production (无证生产)",
        BlacklistReason.Counterfeiting => "counterfeiting (制假售假)",
        BlacklistReason.IntellectualPropertyInfringement => "intellectual property infringement (侵犯知识产权)",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
