using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Audit;

public sealed class AccessSummaryType : ContractObjectGraphType<AccessSummary>
{
    public AccessSummaryType(SchemaContract contract)
        : base(contract)
    {
        Name = "AccessSummary";
        Description = "Counts of the logged requests (访问统计) under a filter, most first.";
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Audit, "total").Description("All requests under the filter.")
            .ResolveSource(s => s.Total);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccessCountType>>>>(FieldGroup.Audit, "byDepartment")
            .Description("Per department.").ResolveSource(s => s.ByDepartment);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccessCountType>>>>(FieldGroup.Audit, "byPurpose")
            .Description("Per declared purpose.").ResolveSource(s => s.ByPurpose);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccessCountType>>>>(FieldGroup.Audit, "byDay")
            .Description("Per day (China Standard Time), in date order.").ResolveSource(s => s.ByDay);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccessCountType>>>>(FieldGroup.Audit, "byOutcome")
            .Description("Per outcome.").ResolveSource(s => s.ByOutcome);
    }
}
