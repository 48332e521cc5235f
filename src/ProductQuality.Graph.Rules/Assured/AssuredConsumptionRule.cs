using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Timeline;
using static ProductQuality.Graph.Rules.Common.ExplanationBuilder;

namespace ProductQuality.Graph.Rules.Assured;

/// <summary>
/// Assured consumption unit (放心消费单位): class AA, or class A or better without a break for
/// three years; not blacklisted; no valid complaint in the last year. A grant is valid for the
/// configured months and is revoked at once on a downgrade below A or a listing — other lapses
/// (a complaint) let it run to its end.
/// </summary>
public sealed class AssuredConsumptionRule(RulesOptions options)
{
    private readonly AssuredConsumptionOptions o = options.Assured;

    /// <summary>Decides on the title as of <see cref="AssuredFacts.AsOf"/>.</summary>
    public AssuredConsumptionResult Evaluate(AssuredFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var history = facts.ClassHistory.Where(h => h.EffectiveFrom <= facts.AsOf)
            .OrderByDescending(h => h.EffectiveFrom).ToList();
        EnterpriseClass? current = history.Count == 0 ? null : history[0].Class;

        // The run of class A or better that reaches today starts at its oldest entry.
        DateOnly? runStart = null;
        foreach (var h in history.TakeWhile(h => !h.Class.IsWorseThan(EnterpriseClass.A)))
        {
            runStart = h.EffectiveFrom;
        }

        var needed = facts.AsOf.AddYears(-o.YearsAtClassA);
        var longRun = runStart is { } rs && rs <= needed;
        DateOnly? runLongEnoughOn = current == EnterpriseClass.A && !longRun && runStart is { } start
            ? InForce.RunReaches(start, o.YearsAtClassA)
            : null;
        var classOk = current == EnterpriseClass.AA || (current == EnterpriseClass.A && longRun);
        var complaintsOk = facts.ValidComplaintsLastYear <= o.MaxValidComplaintsLastYear;
        var failures = new List<SummaryClause>();
        if (!classOk) failures.Add(new(
            current is null
                ? "no class yet"
                : Inv($"{current.Value.Label()} is not AA and not A or better for {o.YearsAtClassA} years running ")
                    + Inv($"(连续{o.YearsAtClassA}年A类以上)"),
            [FactGroup.Class]));
        if (facts.Blacklisted) failures.Add(new("blacklisted (列入黑名单)", [FactGroup.BlacklistStatus]));
        if (!complaintsOk) failures.Add(new(
            Counted(facts.ValidComplaintsLastYear, "valid complaint", "valid complaints")
                + Inv($" (有效投诉) in the last year > {o.MaxValidComplaintsLastYear}"),
            [FactGroup.Enforcement]));
        var met = failures.Count == 0;

        var x = new ExplanationBuilder(RuleIds.AssuredConsumption, options.Version)
            .Factor(FactGroup.Class, "effective class (企业分类)", current?.Code() ?? "none", "AA, or A",
                classOk ? "meets" : "fails")
            .Factor(FactGroup.Class, "class A or better since", runStart is { } s ? Date(s) : "never",
                Inv($"on or before {Date(needed)} ({o.YearsAtClassA} years)"), longRun ? "meets" : "short")
            .Factor(FactGroup.BlacklistStatus, "blacklisted (黑名单)", facts.Blacklisted ? "yes" : "no", null,
                facts.Blacklisted ? "fails" : "meets")
            .Factor(FactGroup.Enforcement, "valid complaints (有效投诉) in the last year",
                Inv($"{facts.ValidComplaintsLastYear}"), Inv($"≤ {o.MaxValidComplaintsLastYear}"),
                complaintsOk ? "meets" : "fails")
            .Factor(FactGroup.Assured, "current grant",
                facts.CurrentGrant is { } g ? Inv($"{Date(g.GrantedOn)} – {Date(g.ValidUntil)}") : "none",
                null, "checked");

        var grant = facts.CurrentGrant is { } cg && cg.IsActiveOn(facts.AsOf) ? cg : null;
        if (grant is not null)
        {
            var revokeReasons = new List<SummaryClause>();
            if (current is null || current.Value.IsWorseThan(EnterpriseClass.A)) revokeReasons.Add(new(
                Inv($"downgraded below A (降级至A类以下) to {current?.Code() ?? "none"}"), [FactGroup.Class]));
            if (facts.Blacklisted) revokeReasons.Add(new("blacklisted (列入黑名单)", [FactGroup.BlacklistStatus]));
            if (revokeReasons.Count > 0)
            {
                AddClauses(x, revokeReasons);
                return new(AssuredStatus.Revoked, met, null, Texts(revokeReasons),
                    x.Build("revoked", "Assured consumption unit (放心消费单位) revoked at once"));
            }

            // "Still met" vouches for every condition, so it states facts of all their groups.
            if (met)
            {
                x.Clause("conditions still met", FactGroup.Class, FactGroup.BlacklistStatus, FactGroup.Enforcement);
            }
            else
            {
                AddClauses(x, failures.Select(f => f with { Text = "conditions lapsed: " + f.Text }));
                x.Clause("only a downgrade below A or a listing revokes", FactGroup.Assured);
            }

            return new(AssuredStatus.Continued, met, grant.ValidUntil, met ? ["conditions met"] : Texts(failures),
                x.Build("continued", $"Assured consumption unit (放心消费单位) continues until {Date(grant.ValidUntil)}"),
                runLongEnoughOn);
        }

        if (!met)
        {
            AddClauses(x, failures);
            return new(AssuredStatus.NotEligible, false, null, Texts(failures),
                x.Build("not eligible", "Not an assured consumption unit (不符合放心消费单位条件)"), runLongEnoughOn);
        }

        var validUntil = facts.AsOf.AddMonths(o.ValidityMonths).AddDays(-1);
        var why = current == EnterpriseClass.AA
            ? "class AA (AA类)"
            : Inv($"class A or better since {Date(runStart!.Value)}, {o.YearsAtClassA} years running ")
                + Inv($"(连续{o.YearsAtClassA}年)");
        SummaryClause[] reasons = [new(why, [FactGroup.Class]), new("not blacklisted", [FactGroup.BlacklistStatus]),
            new("no valid complaint in the last year", [FactGroup.Enforcement])];
        AddClauses(x, reasons);
        return new(AssuredStatus.Granted, true, validUntil, Texts(reasons),
            x.Build("granted", $"Assured consumption unit (放心消费单位) granted until {Date(validUntil)}"));
    }

    private static void AddClauses(ExplanationBuilder x, IEnumerable<SummaryClause> clauses)
    {
        foreach (var c in clauses)
        {
            x.Clause(c.Text, [.. c.Groups]);
        }
    }

    private static string[] Texts(IEnumerable<SummaryClause> clauses) => clauses.Select(c => c.Text).ToArray();
}
