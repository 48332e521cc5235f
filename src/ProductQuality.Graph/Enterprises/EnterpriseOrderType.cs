using GraphQL.Types;
using ProductQuality.Graph.Access;

namespace ProductQuality.Graph.Enterprises;

/// <summary>Order values exist only for field groups the department can see.</summary>
public sealed class EnterpriseOrderType : EnumerationGraphType
{
    public EnterpriseOrderType(SchemaContract contract)
    {
        Name = "EnterpriseOrder";
        Description = "Order of the enterprise list (ties broken by a stable internal id).";
        Add("NAME_ASC", EnterpriseOrder.NameAsc, "By name (企业名称), Unicode order.");
        if (contract.Sees(FieldGroup.Class))
        {
            Add(FieldGroup.Class, "CLASS_BEST_FIRST", EnterpriseOrder.ClassBestFirst, "By class, AA first.");
            Add(FieldGroup.Class, "CLASS_WORST_FIRST", EnterpriseOrder.ClassWorstFirst, "By class, C first.");
        }

        if (contract.Sees(FieldGroup.Health))
        {
            Add(FieldGroup.Health, "QUALITY_INDEX_HIGH_FIRST", EnterpriseOrder.QualityIndexHighFirst,
                "By quality safety index (产品质量安全指数), highest first.");
            Add(FieldGroup.Health, "QUALITY_INDEX_LOW_FIRST", EnterpriseOrder.QualityIndexLowFirst,
                "By quality safety index, lowest first.");
        }
    }

    // An order by a group's value tells each row's rank in it: the access log records the group (ArgumentGroups).
    private void Add(FieldGroup group, string name, EnterpriseOrder value, string description)
    {
        var definition = new EnumValueDefinition(name, value) { Description = description };
        definition.Metadata[Schema.FieldMetadataKeys.Group] = group;
        Add(definition);
    }

    /// <summary>A name that is none of this type's values is refused saying which are.</summary>
    public override object? ParseValue(object? value) => Schema.Enums.EnumInput.Parse(this, value, base.ParseValue);
}
