using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Schema;

/// <summary>Why a computed value is what it is: inputs, rule, thresholds and outcome, in plain words.</summary>
public sealed class ExplanationType : ContractObjectGraphType<Explanation>
{
    public ExplanationType(SchemaContract contract)
        : base(contract)
    {
        Name = "Explanation";
        Description =
            "Why a computed value is what it is (计算依据): the rule, its inputs and thresholds, and the outcome.";
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Structure, "rule")
            .Description("Stable id of the rule that decided, e.g. enterprise-class.").ResolveSource(s => s.Rule);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Structure, "outcome")
            .Description("The outcome, e.g. C or RED.").ResolveSource(s => s.Outcome);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Structure, "summary")
            .Description("One sentence a credit officer can quote.").Resolve(c => c.Audience().SummaryFor(c.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExplanationFactorType>>>>(FieldGroup.Structure, "factors")
            .Description("Each input with its value, threshold and effect.")
            .Resolve(c => c.Audience().FactorsFor(c.Source));
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Structure, "rulesVersion")
            .Description("Version of the rules configuration that produced it.").ResolveSource(s => s.RulesVersion);
    }
}
