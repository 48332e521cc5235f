using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.History;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Inspections;

/// <summary>A supervision sampling result.</summary>
public sealed class InspectionType : ContractObjectGraphType<Inspection>
{
    public InspectionType(SchemaContract contract)
        : base(contract)
    {
        Name = "Inspection";
        Description = "A supervision sampling result (监督抽查结果) for one batch of one product.";
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Inspections, "reportNumber")
            .Description("Test report number (报告编号).").ResolveSource(s => s.ReportNumber);
        Field<NonNullGraphType<DateScalar>>(FieldGroup.Inspections, "sampledOn").Description("Sampling date (抽样日期).")
            .ResolveSource(s => s.SampledOn);
        Field<NonNullGraphType<ProductType>>(FieldGroup.Inspections, "product").Description("The product sampled.")
            .Resolve(c => c.ProductByCode(c.Source.ProductCode));
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Inspections, "batch")
            .Description("Production date or batch (生产日期/批号).").ResolveSource(s => s.Batch);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Inspections, "specModel")
            .Description("Specification and model (规格型号).").ResolveSource(s => s.SpecModel);
        Field<NonNullGraphType<SamplingLevelType>>(FieldGroup.Inspections, "level")
            .Description("Sampling plan level (抽查类别).").ResolveSource(s => s.Level);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Inspections, "lab")
            .Description("Testing laboratory (承检机构).").ResolveSource(s => s.Lab);
        Field<NonNullGraphType<BooleanGraphType>>(FieldGroup.Inspections, "passed")
            .Description("Overall verdict (综合判定): true for 合格, false for 不合格.").ResolveSource(s => s.Passed);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FailedItemType>>>>(FieldGroup.Inspections, "failedItems")
            .Description("Failed test items (不合格项目); empty when passed.").ResolveSource(s => s.FailedItems);
        Field<DateScalar>(FieldGroup.Inspections, "rectificationOrderedOn")
            .Description("Date a rectification order (责令整改) was issued after a failure (with asOf: null when the "
                + "order came after that day).")
            // The sampling is a fact of the day; the order that followed it was not, until its own date.
            .Resolve(c => c.Source.RectificationOrderedOn is { } ordered && c.AsOf() is { } on && ordered > on.Date
                ? null
                : c.Source.RectificationOrderedOn);
    }
}
