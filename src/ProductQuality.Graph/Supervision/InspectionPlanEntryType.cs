using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Supervision;

/// <summary>One line of an inspection plan.</summary>
public sealed class InspectionPlanEntryType : ContractObjectGraphType<InspectionPlanEntry>
{
    public InspectionPlanEntryType(SchemaContract contract)
        : base(contract)
    {
        Name = "InspectionPlanEntry";
        Description = "An enterprise due for inspection (检查计划): its colour, interval, last inspection and due date.";
        Field<NonNullGraphType<EnterpriseType>>(FieldGroup.Inspections, "enterprise")
            .Description("The enterprise.")
            .ResolveSource(s => s.Enterprise);
        Field<NonNullGraphType<FourColorType>>(FieldGroup.Inspections, "mapColour")
            .Description("Map colour (四色图), the base of the frequency.")
            .Resolve(c => c.Source.Schedule.Colour);
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Inspections, "intervalMonths")
            .Description("Months between inspections: the colour's, shorter for class C and makers of HIGH products.")
            .Resolve(c => c.Source.Schedule.IntervalMonths);
        Field<DateScalar>(FieldGroup.Inspections, "lastInspectedOn")
            .Description("Last sampling date; null when never sampled.")
            .Resolve(c => c.Source.Schedule.LastInspectedOn);
        Field<NonNullGraphType<DateScalar>>(FieldGroup.Inspections, "dueOn")
            .Description("Date the next inspection is due.")
            .Resolve(c => c.Source.Schedule.DueOn);
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Inspections, "daysOverdue")
            .Description("Days past due at the start of the period (0 when not yet due).")
            .Resolve(c => c.Source.Schedule.DaysOverdue);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InspectionFormType>>>>(FieldGroup.Inspections, "forms")
            .Description("Forms of inspection (检查形式): sampling, with an on-site check and a QMS audit as class and "
                + "risk require.")
            .Resolve(c => c.Source.Schedule.Forms);
        Field<NonNullGraphType<ExplanationType>>(FieldGroup.Inspections, "explanation")
            .Description("Why it is due then and inspected so (the reason): colour, class and riskiest product, "
                + "interval, last inspection, forms.")
            .Resolve(c => c.Source.Schedule.Explanation);
    }
}
