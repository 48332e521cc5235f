using System.Globalization;
using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Changes;

/// <summary>
/// One change event. Its kind's field group decides who reads the whole event — a reader's feed holds only kinds its
/// contract may read — so the fields every event has are structural; the fields only some kinds have are in their
/// kind's group (a product's code with product tiers, an assured grant's validity with assured).
/// </summary>
public sealed class ChangeEventType : ContractObjectGraphType<ChangeEvent>
{
    public ChangeEventType(SchemaContract contract)
        : base(contract)
    {
        Name = "ChangeEvent";
        Description = "A change (变更) of one value: from effectiveFrom on, the value is newValue — replace what you "
            + "hold for this value from that date on. A correction is such a change of days the feed had already "
            + "covered.";
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Structure, "cursor")
            .Description("Where this event is in the feed: keep the last one you processed and pass it as 'after'.")
            .Resolve(c => c.RequestServices!.GetRequiredService<Infrastructure.CursorKeys>().Feed.Encode(c.Source.Id));
        Field<NonNullGraphType<ChangeKindType>>(FieldGroup.Structure, "kind").Description("What changed.")
            .ResolveSource(s => s.Kind);
        Field<StringGraphType>(FieldGroup.Identity, "creditCode", published: true)
            .Description("The enterprise's unified social credit code (统一社会信用代码); null for a product's tier.")
            .ResolveSource(s => s.CreditCode);
        Field<StringGraphType>(FieldGroup.ProductTiers, "productCode")
            .Description("The catalogue code of the product whose tier changed; null for an enterprise's change.")
            .ResolveSource(s => s.ProductCode);
        Field<StringGraphType>(FieldGroup.Structure, "oldValue")
            .Description("The value before (as the kind describes its values); null when there was none.")
            .ResolveSource(s => s.OldValue);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Structure, "newValue")
            .Description("The value from effectiveFrom on.").ResolveSource(s => s.NewValue);
        Field<NonNullGraphType<DateScalar>>(FieldGroup.Structure, "effectiveFrom")
            .Description("The day the new value took effect (China Standard Time); a late fact can make it a past day.")
            .ResolveSource(s => s.EffectiveFrom);
        Field<DateScalar>(FieldGroup.Assured, "validUntil")
            .Description("Last day of validity of an assured grant; null otherwise.").ResolveSource(s => s.ValidUntil);
        Field<NonNullGraphType<BooleanGraphType>>(FieldGroup.Structure, "correction")
            .Description("True when a late fact revised days earlier events already covered (更正). A server that "
                + "missed days sends their changes when it catches up, dated back but not corrections. Apply it like "
                + "any event: from effectiveFrom on, newValue.")
            .ResolveSource(s => s.Correction);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Structure, "reason")
            .Description("Why, stating only the facts your contract may read (else a neutral sentence).")
            .Resolve(c => Contract.ReasonFor(c.Source.Reason, ChangeKinds.NeutralReason(c.Source.Kind,
                c.Source.NewValue), c.Source.Kind == ChangeKind.ProductTier ? TierPart(c.Audience()) : null));
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Structure, "recordedAt")
            .Description("When the change was recorded, ISO 8601 in UTC, in the transaction that made it.")
            .Resolve(c => c.Source.RecordedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    // A tier's grading reason states the product's facts ("re-graded after a new fact"): the makers' samplings among
    // them, so it is read as the tier history reads it (Products.TierReasons).
    private static Func<Rules.Common.SummaryClause, bool> TierPart(Audience audience) =>
        part => Products.TierReasons.Reads(audience, part.Text);
}
