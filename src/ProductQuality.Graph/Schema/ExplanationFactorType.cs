using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Schema;

/// <summary>One input of an explanation.</summary>
public sealed class ExplanationFactorType : ContractObjectGraphType<ExplanationFactor>
{
    public ExplanationFactorType(SchemaContract contract)
        : base(contract)
    {
        Name = "ExplanationFactor";
        Description = "One input of a computed value: its value, the threshold it was compared with, and its effect.";
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Structure, "name")
            .Description("The input, e.g. failed samplings in 3 years (三年内抽查不合格次数).").ResolveSource(s => s.Name);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Structure, "value").Description("Its value.")
            .ResolveSource(s => s.Value);
        Field<StringGraphType>(FieldGroup.Structure, "threshold")
            .Description("The threshold it was compared with, if any.").ResolveSource(s => s.Threshold);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Structure, "effect")
            .Description("What it did to the outcome.").ResolveSource(s => s.Effect);
    }
}
