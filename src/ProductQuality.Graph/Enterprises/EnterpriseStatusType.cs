using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Enterprises;

/// <summary>A compact status record: the few values a partner system decides on, per code sent.</summary>
public sealed class EnterpriseStatusType : ContractObjectGraphType<EnterpriseStatus>
{
    public EnterpriseStatusType(SchemaContract contract)
        : base(contract)
    {
        Name = "EnterpriseStatus";
        Description = "Compact status (状态) of the enterprise with one code sent to enterpriseStatuses, in input order.";
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Structure, "creditCode")
            .Description("The code as sent; one longer than 40 characters (never a credit code) is cut to its first "
                + "40 and '…'.")
            .Resolve(c => c.Source.Item.Echo);
        Field<NonNullGraphType<BooleanGraphType>>(FieldGroup.Structure, "valid")
            .Description("Whether it is a well-formed unified social credit code (统一社会信用代码).")
            .Resolve(c => c.Source.Item.Valid);
        Field<StringGraphType>(FieldGroup.Structure, "problem")
            .Description("What is wrong with the code; null when valid.").Resolve(c => c.Source.Item.Problem);
        Field<IntGraphType>(FieldGroup.Structure, "duplicateOf")
            .Description("When the code repeats an earlier one: the position (0-based) of its first occurrence.")
            .Resolve(c => c.Source.Item.DuplicateOf);
        Field<NonNullGraphType<BooleanGraphType>>(FieldGroup.Structure, "known")
            .Description("Whether an enterprise you may read has this code (with asOf: had been assessed by that day).")
            .Resolve(c => c.Source.Enterprise is not null);
        Field<StringGraphType>(FieldGroup.Identity, "name")
            .Description("Registered name (企业名称); null when unknown.").Resolve(c => c.Source.Enterprise?.Name);
        Field<EnterpriseClassType>(FieldGroup.Class, "class")
            .Description("Enterprise class (企业分类): AA, A, B or C; null when unknown.")
            .Resolve(c => c.Source.Enterprise?.Class);
        Field<FourColorType>(FieldGroup.Health, "healthCode")
            .Description("Product-quality health code (产品质量健康码); null when unknown.")
            .Resolve(c => c.Source.Enterprise?.HealthCode);
        Field<FloatGraphType>(FieldGroup.Health, "qualityIndex")
            .Description("Product quality safety index (产品质量安全指数), 0–100; null when unknown.")
            .Resolve(c => c.Source.Enterprise?.QualityIndex);
        Field<FourColorType>(FieldGroup.ProductTiers, "mapColour")
            .Description("Colour on the city's four-colour map (四色图); null when unknown.")
            .Resolve(c => c.Source.Enterprise?.MapColour);
        Field<BooleanGraphType>(FieldGroup.BlacklistStatus, "blacklisted")
            .Description("On the blacklist (黑名单); null when unknown.").Resolve(c => c.Source.Enterprise?.IsBlacklisted);
        Field<BooleanGraphType>(FieldGroup.Assured, "assured")
            .Description("An assured consumption unit (放心消费单位); null when unknown.")
            .Resolve(c => c.Source.Enterprise?.IsAssured);
    }
}
