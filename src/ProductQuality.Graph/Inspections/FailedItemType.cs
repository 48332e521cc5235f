using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Inspections;

/// <summary>One failed test item.</summary>
public sealed class FailedItemType : ContractObjectGraphType<InspectionFailedItem>
{
    public FailedItemType(SchemaContract contract)
        : base(contract)
    {
        Name = "FailedItem";
        Description = "A failed test item (不合格项目) of a sampling.";
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Inspections, "name").Description("Item name, e.g. 甲醛含量.")
            .ResolveSource(s => s.Name);
        Field<NonNullGraphType<BooleanGraphType>>(FieldGroup.Inspections, "safetyItem")
            .Description("A safety item (安全项目): failures weigh more in class and index.")
            .ResolveSource(s => s.IsSafetyItem);
    }
}
