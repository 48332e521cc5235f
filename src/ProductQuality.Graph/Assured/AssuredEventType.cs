using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Rules.Assured;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Assured;

/// <summary>An assured-consumption grant, revocation or expiry.</summary>
public sealed class AssuredEventType : ContractObjectGraphType<AssuredEvent>
{
    public AssuredEventType(SchemaContract contract)
        : base(contract)
    {
        Name = "AssuredEvent";
        Description = "An event of the assured consumption unit (放心消费单位) title.";
        Field<EnterpriseType>(FieldGroup.Identity, "enterprise", published: true)
            .Description("The enterprise (null when outside your jurisdiction).")
            .ResolveAsync(c => c.EnterpriseOfEventAsync(c.Source.EnterpriseId));
        Field<NonNullGraphType<AssuredEventKindType>>(FieldGroup.Assured, "kind")
            .Description("Grant, revocation or expiry.").ResolveSource(s => s.Kind);
        Field<NonNullGraphType<DateScalar>>(FieldGroup.Assured, "occurredOn").Description("Date of the event.")
            .ResolveSource(s => s.OccurredOn);
        Field<DateScalar>(FieldGroup.Assured, "validUntil").Description("Last day of validity of a grant.")
            .ResolveSource(s => s.ValidUntil);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Assured, "reason").Description("Why.")
            .Resolve(c => Contract.ReasonFor(c.Source.Reason, Neutral(c.Source.Kind)));
        // The factors are the enterprise's class conditions (class, time in class, failed samplings), so they are
        // shown to the departments that may read class factors, not to every reader of the assured list.
        Field<ExplanationType>(FieldGroup.ClassFactors, "explanation")
            .Description("The assured-consumption rule (放心消费单位认定条件) on that day: each condition (class, time in class, "
                + "failures, listing), its threshold and the outcome.")
            .Resolve(c => ExplanationJson.Read(c.Source.Explanation));
    }

    // What the published list itself says, for rows whose reason predates tagged parts.
    private static string Neutral(AssuredEventKind kind) => kind switch
    {
        AssuredEventKind.Granted => "Assured consumption unit (放心消费单位) granted",
        AssuredEventKind.Revoked => "Assured consumption unit (放心消费单位) revoked",
        _ => "Assured consumption unit (放心消费单位) expired",
    };
}
