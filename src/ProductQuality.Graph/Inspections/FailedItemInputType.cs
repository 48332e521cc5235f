using GraphQL.Types;

namespace ProductQuality.Graph.Inspections;

public sealed class FailedItemInputType : InputObjectGraphType<FailedItemInput>
{
    public FailedItemInputType()
    {
        Name = "FailedItemInput";
        Description = "A failed test item (不合格项目) of a sampling.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The test item as the report names it, e.g. 导体电阻 (at most 256 characters).");
        Field<NonNullGraphType<BooleanGraphType>>("safetyItem").Description("True when it is a safety item (安全项目); a failed safety item weighs more in the class and index.");
    }
}
