using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Statistics;

/// <summary>The supervision plan on the day: due and overdue entries.</summary>
public sealed class OverdueStatisticsType : ContractObjectGraphType<OverdueStatistics>
{
    public OverdueStatisticsType(SchemaContract contract)
        : base(contract)
    {
        Name = "PlanStatistics";
        Description = "The supervision plan (检查计划) on the day, as inspectionPlan(from: day, to: day) gives it: "
            + "entries due and overdue.";
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Write, "enterprises")
            .Description("Enterprises in scope.")
            .ResolveSource(s => s.Enterprises);
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Write, "due")
            .Description("Plan entries due by the day.")
            .ResolveSource(s => s.Due);
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Write, "overdue")
            .Description("Entries past their due date (逾期).")
            .ResolveSource(s => s.Overdue);
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.Write, "overdueSharePercent")
            .Description("Overdue entries as a share of the enterprises, percent.")
            .ResolveSource(s => s.OverdueSharePercent);
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Write, "maxDaysOverdue")
            .Description("The longest overdue, in days.")
            .ResolveSource(s => s.MaxDaysOverdue);
    }
}
