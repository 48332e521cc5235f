using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Rules.Blacklist;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Blacklist;

/// <summary>A blacklist listing or removal.</summary>
public sealed class BlacklistEventType : ContractObjectGraphType<BlacklistEvent>
{
    public BlacklistEventType(SchemaContract contract)
        : base(contract)
    {
        Name = "BlacklistEvent";
        Description = "A blacklist (黑名单) listing or removal decision.";
        Field<EnterpriseType>(FieldGroup.Identity, "enterprise", published: true)
            .Description("The enterprise (null when outside your jurisdiction).")
            .ResolveAsync(c => c.EnterpriseOfEventAsync(c.Source.EnterpriseId));
        Field<NonNullGraphType<BlacklistEventKindType>>(FieldGroup.BlacklistStatus, "kind")
            .Description("Listing or removal.")
            .ResolveSource(s => s.Kind);
        Field<NonNullGraphType<DateScalar>>(FieldGroup.BlacklistStatus, "occurredOn")
            .Description("Date of the decision.")
            .ResolveSource(s => s.OccurredOn);
        Field<NonNullGraphType<BlacklistReasonType>>(FieldGroup.BlacklistDetail, "reasonCategory", published: true)
            .Description("Reason category (原因类别).")
            .ResolveSource(s => s.ReasonCategory);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.BlacklistDetail, "reason")
            .Description("The reason in words, stating only the facts your contract may read: the rule's trigger "
                + "names the failed sampling or the enforcement decision behind it only to those who may read them.")
            .Resolve(c => ReasonOf(Contract, c.Source));
        Field<ExplanationType>(FieldGroup.BlacklistDetail, "explanation")
            .Description("For a listing or removal by the blacklist rule (列入/移出条件): the trigger or the removal "
                + "conditions, thresholds and outcome. Null for the regulator's own decisions: their decision number "
                + "and reason explain them.")
            .Resolve(c => ExplanationJson.Read(c.Source.Explanation));
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.BlacklistDetail, "decisionNumber")
            .Description("Decision number (决定书文号).")
            .ResolveSource(s => s.DecisionNumber);
    }

    /// <summary>
    /// The rule's reasons are stored in tagged parts (each reader sees its own); a regulator's decision states its
    /// reason in its own words, which are the listing's published reason, read whole by every reader of the field.
    /// A rule's reason stored before parts were tagged is read whole by the regulators, by others as its kind.
    /// </summary>
    internal static string ReasonOf(SchemaContract contract, BlacklistEvent e) =>
        e.Source == BlacklistEventSource.Decision && ReasonJson.Read(e.Reason) is null
            ? e.Reason
            : contract.ReasonFor(e.Reason, e.Kind == BlacklistEventKind.Listed
                ? "列入黑名单 Listed"
                : "移出黑名单 Removed");
}
