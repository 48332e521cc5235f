using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Blacklist;

/// <summary>One input code's answer in a blacklist check.</summary>
public sealed class BlacklistCheckResultType : ContractObjectGraphType<BlacklistCheckResult>
{
    public BlacklistCheckResultType(SchemaContract contract)
        : base(contract)
    {
        Name = "BlacklistCheckResult";
        Description = "The answer for one code of a blacklist check (黑名单核查), in the order the codes were sent.";
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Structure, "creditCode")
            .Description("The code as sent; one longer than 40 characters (never a credit code) is cut to its first "
                + "40 and '…'.")
            .Resolve(c => c.Source.Item.Echo);
        Field<NonNullGraphType<BooleanGraphType>>(FieldGroup.Structure, "valid")
            .Description("Whether it is a well-formed unified social credit code (统一社会信用代码) with the right check " +
                "character.")
            .Resolve(c => c.Source.Item.Valid);
        Field<StringGraphType>(FieldGroup.Structure, "problem")
            .Description("What is wrong with the code (length, a character outside the alphabet, the check " +
                "character); null when valid.")
            .Resolve(c => c.Source.Item.Problem);
        Field<IntGraphType>(FieldGroup.Structure, "duplicateOf")
            .Description("When the code repeats an earlier one: the position (0-based) of its first occurrence, " +
                "whose answer it shares.")
            .Resolve(c => c.Source.Item.DuplicateOf);
        Field<NonNullGraphType<BooleanGraphType>>(FieldGroup.Structure, "known")
            .Description("Whether an enterprise you may read has this code (with asOf: had been assessed by that " +
                "day). An unknown or malformed code answers false and null below.")
            .Resolve(c => c.Source.Standing is not null);
        Field<StringGraphType>(FieldGroup.Identity, "name", published: true)
            .Description("Registered name (企业名称) of the enterprise; null when unknown.")
            .Resolve(c => c.Source.Standing?.Name);
        Field<BooleanGraphType>(FieldGroup.BlacklistStatus, "blacklisted")
            .Description("On the blacklist (黑名单) now (or on the asOf day); null when unknown.")
            .Resolve(c => c.Source.Standing?.Blacklisted);
        Field<DateScalar>(FieldGroup.BlacklistStatus, "blacklistedSince")
            .Description("Date of the listing in force; null when not listed.")
            .Resolve(c => c.Source.Standing?.BlacklistedSince);
        Field<BlacklistReasonType>(FieldGroup.BlacklistDetail, "reasonCategory", published: true)
            .Description("Reason category (列入原因类别) of the listing in force; null when not listed.")
            .Resolve(c => c.Source.Standing?.ReasonCategory);
        Field<BooleanGraphType>(FieldGroup.Assured, "assured")
            .Description("An assured consumption unit (放心消费单位) now (or on the asOf day); null when unknown.")
            .Resolve(c => c.Source.Standing?.Assured);
        Field<DateScalar>(FieldGroup.Assured, "assuredUntil")
            .Description("Last day of the assured title in force; null when not assured.")
            .Resolve(c => c.Source.Standing?.AssuredUntil);
    }
}
