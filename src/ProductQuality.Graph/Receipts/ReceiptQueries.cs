using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Infrastructure.Http.Limits;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Receipts;

/// <summary><c>verifyCheckReceipt</c>: proves, later, what a blacklist check was asked.</summary>
public static class ReceiptQueries
{
    public static void AddTo(QueryType query) =>
        query.Field<NonNullGraphType<ReceiptVerificationType>>(FieldGroup.BlacklistStatus, "verifyCheckReceipt")
            .Description("Verifies a receipt of blacklistCheck (黑名单核查回执) against the codes that were sent: the " +
                "signature (ES256, keys at /.well-known/jwks.json, retired keys included) and the digest of the " +
                "codes. A bad receipt or other codes answer valid: false with the reason, not an error.")
            .Argument<NonNullGraphType<StringGraphType>>("receipt", "The receipt as blacklistCheck returned it.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>(
                "creditCodes", "The codes sent with that check, in the same order.")
            .ResolveAsync(async c =>
            {
                // No check had more codes: a longer list is refused as blacklistCheck refuses it, before hashing.
                var limit = c.Service<IOptions<QueryLimitsOptions>>().Value.MaxBlacklistCheckCodes;
                var codes = c.GetArgument<List<string>>("creditCodes");
                _ = CreditCodeBatch.Read(codes, limit, "verifyCheckReceipt");
                return await c.Service<ReceiptSigner>().VerifyAsync(c.GetArgument<string>("receipt"), codes);
            });
}
