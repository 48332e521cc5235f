using GraphQL.Types;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Warnings;

public sealed class IssueRiskWarningInputType : WriteInputType<IssueRiskWarningInput>
{
    public IssueRiskWarningInputType()
        : base("IssueRiskWarningInput", "A risk warning bulletin (警情通报/质量预警) about a regional or sector-wide problem.")
    {
        Field<NonNullGraphType<StringGraphType>>("number").Description("Bulletin number (文号); unique.");
        Field<NonNullGraphType<StringGraphType>>("title").Description("Title (at most 256 characters).");
        Field<NonNullGraphType<StringGraphType>>("summary").Description("Summary (at most 4000 characters).");
        Field<NonNullGraphType<DateScalar>>("issuedOn").Description("Issue date; not in the future.");
        Field<NonNullGraphType<WarningScopeType>>("scope").Description("Regional or sector-wide; a REGIONAL warning needs regionCode.");
        Field<NonNullGraphType<WarningSeverityType>>("severity").Description("Severity.");
        Field<StringGraphType>("productCode").Description("Catalogue product code concerned, if any; the product's tier is re-evaluated.");
        Field<StringGraphType>("regionCode").Description("Region concerned (county 3304xx or 9-digit town); a county bureau must give one within its county.");
    }
}
