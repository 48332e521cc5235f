using System.Globalization;
using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Receipts;

/// <summary>The verdict of <c>verifyCheckReceipt</c>, with what the receipt states.</summary>
public sealed class ReceiptVerificationType : ContractObjectGraphType<ReceiptVerification>
{
    public ReceiptVerificationType(SchemaContract contract)
        : base(contract)
    {
        Name = "CheckReceiptVerification";
        Description = "Whether a check receipt (核查回执) is this bureau's and states the codes given; what it states.";
        Field<NonNullGraphType<BooleanGraphType>>(FieldGroup.Structure, "valid")
            .Description("The signature holds with one of the bureau's receipt keys and the codes are those checked, " +
                "in order.")
            .ResolveSource(s => s.Valid);
        Field<StringGraphType>(FieldGroup.Structure, "problem")
            .Description("Why it is not valid, in one sentence; null when valid.").ResolveSource(s => s.Problem);
        Field<IdGraphType>(FieldGroup.Structure, "checkId")
            .Description("The check's id; null when the signature does not hold.")
            .Resolve(c => c.Source.Receipt?.CheckId);
        Field<StringGraphType>(FieldGroup.Structure, "checkedAt")
            .Description("When the check was answered, ISO 8601 in UTC.")
            .Resolve(c => c.Source.Receipt?.CheckedAt.UtcDateTime
                .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        Field<StringGraphType>(FieldGroup.Structure, "department")
            .Description("The department that asked (public for anonymous callers).")
            .Resolve(c => c.Source.Receipt?.Department);
        Field<DateScalar>(FieldGroup.Structure, "asOf")
            .Description("The day the check answered about; null for then-now.").Resolve(c => c.Source.Receipt?.AsOf);
        Field<IntGraphType>(FieldGroup.Structure, "codeCount")
            .Description("How many codes the check received.").Resolve(c => c.Source.Receipt?.CodeCount);
        Field<StringGraphType>(FieldGroup.Structure, "answersDigest")
            .Description("SHA-256 (base64url) of the answers, one line per code (README: check receipts).")
            .Resolve(c => c.Source.Receipt?.AnswersDigest);
        Field<StringGraphType>(FieldGroup.Structure, "keyId")
            .Description("The kid of the key that signed it (see /.well-known/jwks.json).")
            .Resolve(c => c.Source.Receipt?.KeyId);
    }
}
