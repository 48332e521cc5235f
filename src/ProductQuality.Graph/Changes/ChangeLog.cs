using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Changes;

/// <summary>
/// Appends change events, in the transaction of the change they describe: the one place, called by the re-evaluation
/// that live writes and <c>recompute</c> share (<see cref="EnterpriseReEvaluator"/>, <see cref="ProductGrader"/>).
/// The seed writes its history directly and appends none: the feed starts with the first change after seeding.
/// <para>
/// Why the id is commit order, which the feed's cursor relies on: an identity id is allocated at insert, not at
/// commit, so two transactions inserting concurrently could commit out of id order and a reader between the two
/// commits would pass the lower id. Here every append runs under the re-evaluation lock
/// (<see cref="AssessmentTransaction"/>; checked below, so a writer that forgot it fails instead of reordering the
/// feed): on PostgreSQL the transaction-scoped advisory lock is released only after the commit is visible, so the
/// next writer allocates its ids after every id of the previous one is readable; on SQLite one write transaction runs
/// at a time. Every server on one database takes the same lock, so this holds across servers too.
/// </para>
/// </summary>
public static class ChangeLog
{
    private static readonly IReadOnlyList<FactGroup> NoGroups = [];

    /// <summary>The changes of one kind of an enterprise between its stored and its re-evaluated history.</summary>
    internal static int Enterprise(
        ProductQualityDbContext db, Enterprise enterprise, ChangeKind kind,
        IReadOnlyList<Step> stored, IReadOnlyList<Step> current, DateOnly today, DateOnly unevaluatedFrom,
        DateTime now, string? dayReason = null)
    {
        var changes = StepChanges.Between(stored, current, today, unevaluatedFrom, Retracted(kind), Replaced(kind),
            Initial(kind), dayReason);
        foreach (var change in changes)
        {
            Add(db, new ChangeEvent
            {
                Kind = kind, EnterpriseId = enterprise.Id, CreditCode = enterprise.CreditCode,
                CountyCode = enterprise.CountyCode, OldValue = change.Old ?? NoHistory(kind), NewValue = change.New,
                EffectiveFrom = change.From, ValidUntil = change.ValidUntil, Correction = change.Correction,
                Reason = change.Reason, RecordedAtUtc = now,
            });
        }

        return changes.Count;
    }

    /// <summary>
    /// The tier changes of a product between its stored gradings and those of a re-grading from a past day: a change
    /// dated before the first day not yet graded is a correction, and one the re-grading took back is reported as
    /// retracted.
    /// </summary>
    internal static int ProductTiers(ProductQualityDbContext db, string productCode, IReadOnlyList<Step> stored,
        IReadOnlyList<Step> current, DateOnly today, DateOnly unevaluatedFrom, DateTime now)
    {
        var kind = ChangeKind.ProductTier;
        var changes = StepChanges.Between(stored, current, today, unevaluatedFrom, Retracted(kind), Replaced(kind));
        foreach (var change in changes)
        {
            Add(db, new ChangeEvent
            {
                Kind = kind, ProductCode = productCode, OldValue = change.Old, NewValue = change.New,
                EffectiveFrom = change.From, Correction = change.Correction, Reason = change.Reason,
                RecordedAtUtc = now,
            });
        }

        return changes.Count;
    }

    /// <summary>A product's tier changed from today on.</summary>
    internal static void ProductTier(
        ProductQualityDbContext db, string productCode, ProductTier old, ProductTier tier, DateOnly from,
        string reason, DateTime now) =>
        Add(db, new ChangeEvent
        {
            Kind = ChangeKind.ProductTier, ProductCode = productCode, OldValue = ChangeValues.Of(old),
            NewValue = ChangeValues.Of(tier), EffectiveFrom = from, Reason = Tagged(reason, FactGroup.ProductTiers),
            RecordedAtUtc = now,
        });

    /// <summary>Plain text stored as one reason part stating facts of the given groups.</summary>
    internal static string Tagged(string text, params FactGroup[] groups) =>
        ReasonJson.Serialize([new SummaryClause(text, groups.Length == 0 ? NoGroups : groups)]);

    // An enterprise never listed was not listed; one never assured has no assured value to report (null).
    private static string? NoHistory(ChangeKind kind) => kind == ChangeKind.Blacklist ? ChangeValues.NotListed : null;

    // The value before any event, when the events that set one vanish: not listed; for the assured title, which has
    // no value of its own for "never granted", REVOKED (a title granted and taken back), which is what a partner
    // must hold: not assured.
    private static string? Initial(ChangeKind kind) => kind switch
    {
        ChangeKind.Blacklist => ChangeValues.NotListed,
        ChangeKind.Assured => ChangeValues.Of(Rules.Assured.AssuredEventKind.Revoked),
        _ => null,
    };

    // Today's reported change that today's re-evaluation took back: the enterprise was simply evaluated again.
    private static string Replaced(ChangeKind kind) => Tagged("re-evaluated (重新评定)", ChangeKinds.FactOf(kind));

    private static string Retracted(ChangeKind kind) => Tagged(
        "corrected: a fact recorded later revised what was reported from this date (据后补事实更正)",
        ChangeKinds.FactOf(kind));

    private static void Add(ProductQualityDbContext db, ChangeEvent change)
    {
        if (!AssessmentTransaction.Holds(db))
        {
            throw new InvalidOperationException(
                "Change events are appended only under the re-evaluation lock, or the feed's order is not commit "
                + "order.");
        }

        db.Add(change);
    }
}
