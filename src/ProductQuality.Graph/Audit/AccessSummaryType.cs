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
            .Resolve(c => c.Source.Total);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccessCountType>>>>(FieldGroup.Audit, "byDepartment")
            .Description("Per department.").Resolve(c => c.Source.ByDepartment);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccessCountType>>>>(FieldGroup.Audit, "byPurpose")
            .Description("Per declared purpose.").Resolve(c => c.Source.ByPurpose);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccessCountType>>>>(FieldGroup.Audit, "byDay")
            .Description("Per day (China Standard Time), in date order.").Resolve(c => c.Source.ByDay);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccessCountType>>>>(FieldGroup.Audit, "byOutcome")
            .Description("Per outcome.").Resolve(c => c.Source.ByOutcome);
    }
}
