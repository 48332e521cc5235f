using System.Globalization;
using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Blacklist;

/// <summary>A bulk blacklist check as answered, with its signed receipt.</summary>
public sealed class BlacklistCheckType : ContractObjectGraphType<BlacklistCheck>
{
    public BlacklistCheckType(SchemaContract contract)
        : base(contract)
    {
        Name = "BlacklistCheck";
        Description = "A bulk blacklist check (黑名单核查): one result per code sent, in input order, and a signed " +
            "receipt of what was asked and answered.";
        Field<NonNullGraphType<IdGraphType>>(FieldGroup.Structure, "checkId")
            .Description("Unique id of this check, also in its receipt.").Resolve(c => c.Source.CheckId.ToString("D"));
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Structure, "checkedAt")
            .Description("When the check was answered, ISO 8601 in UTC.")
            .Resolve(c => c.Source.CheckedAt.UtcDateTime
                .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        Field<DateScalar>(FieldGroup.Structure, "asOf")
            .Description("The day the check answers about; null for now.").ResolveSource(s => s.AsOf);
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Structure, "codeCount")
            .Description("How many codes were sent (duplicates and malformed codes included).")
            .Resolve(c => c.Source.Results.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BlacklistCheckResultType>>>>(
                FieldGroup.Structure, "results")
            .Description("One result per code sent, in input order.").ResolveSource(s => s.Results);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Structure, "receipt")
            .Description("Signed receipt (核查回执) of this check: a compact JWS (ES256, kid; keys at " +
                "/.well-known/jwks.json) stating the check id, time, department, asOf, the number of codes and " +
                "SHA-256 digests of the codes and of the answers. Keep it with the codes; verifyCheckReceipt or " +
                "the receipt verify verb proves later what was asked and answered.")
            .Resolve(c =>
            {
                // The receipt's answers digest states each known code's standing (blacklisted, since when, assured):
                // whoever has the codes can confirm it by hashing guesses, so the receipt returns their data.
                if (c.UserContext is GraphQLUserContext { AccessTrace: { } trace })
                {
                    foreach (var result in c.Source.Results.Where(r => r.Standing is not null))
                    {
                        trace.Returned(result.Item.Code);
                    }

                    trace.Touched(FieldGroup.BlacklistStatus);
                }

                return c.Source.Receipt;
            });
    }
}
