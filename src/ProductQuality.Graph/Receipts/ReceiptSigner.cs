using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ProductQuality.Graph.Receipts;

/// <summary>
/// Signs check receipts as compact JWS (ES256, with <c>kid</c>) and verifies them with the current and retired
/// keys. The JWS is IdentityModel's, not ours: only the claims are this project's.
/// </summary>
public sealed class ReceiptSigner(ReceiptKeys keys, IOptions<ReceiptOptions> options)
{
    private static readonly JsonWebTokenHandler Handler = new();

    public string Sign(CheckReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var claims = new Dictionary<string, object?>
        {
            ["iss"] = options.Value.Issuer,
            ["jti"] = receipt.CheckId,
            ["iat"] = receipt.CheckedAt.ToUnixTimeSeconds(),
            ["checkedAt"] = receipt.CheckedAt.UtcDateTime
                .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["dept"] = receipt.Department,
            ["contract"] = receipt.Contract,
            ["asOf"] = receipt.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["n"] = receipt.CodeCount,
            ["codesSha256"] = receipt.CodesDigest,
            ["answersSha256"] = receipt.AnswersDigest,
        };
        return Handler.CreateToken(JsonSerializer.Serialize(claims),
            new SigningCredentials(keys.Current, SecurityAlgorithms.EcdsaSha256));
    }

    /// <summary>Whether the receipt is the bureau's and states exactly these codes (in this order).</summary>
    public async Task<ReceiptVerification> VerifyAsync(string receipt, IReadOnlyList<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (string.IsNullOrWhiteSpace(receipt) || !Handler.CanReadToken(receipt))
        {
            return ReceiptVerification.Refused("This is not a check receipt: a receipt is a compact JWS, three " +
                "base64url parts separated by dots, as blacklistCheck returned it.");
        }

        var result = await Handler.ValidateTokenAsync(receipt, Parameters());
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            // An issuer that differs is said as such: the signature may be whole (a bureau that renamed its issuer saw
            // every older receipt called altered; the ops probe).
            return ReceiptVerification.Refused(result.Exception switch
            {
                SecurityTokenMalformedException => "This is not a check receipt: it does not read as a compact JWS.",
                SecurityTokenInvalidIssuerException => $"The receipt was issued by '{IssuerOf(receipt)}', not by this "
                    + $"server's issuer '{options.Value.Issuer}' (Receipts:Issuer): verify it where it was issued, or "
                    + "with that issuer.",
                _ => "The receipt's signature does not verify with any receipt key of this server: it was altered, " +
                    "or it was not issued here.",
            });
        }

        if (Read(token) is not { } stated)
        {
            return ReceiptVerification.Refused("The signature holds but this is not a check receipt (claims missing).");
        }

        if (stated.CodeCount != codes.Count)
        {
            return ReceiptVerification.Refused(string.Create(CultureInfo.InvariantCulture,
                $"The receipt is for {stated.CodeCount} codes; {codes.Count} were given."), stated);
        }

        return ReceiptDigest.Codes(codes) == stated.CodesDigest
            ? new ReceiptVerification(true, null, stated)
            : ReceiptVerification.Refused("The codes given are not the codes checked (or not in the same order): " +
                "their digest differs from the receipt's.", stated);
    }

    private static string IssuerOf(string receipt) =>
        Infrastructure.Quoted.Start(Handler.ReadJsonWebToken(receipt).Issuer);

    private TokenValidationParameters Parameters() => new()
    {
        ValidIssuer = options.Value.Issuer,
        ValidateIssuer = true,
        ValidateAudience = false,
        ValidateLifetime = false,
        RequireExpirationTime = false,
        RequireSignedTokens = true,
        IssuerSigningKeys = keys.Verifying,
        ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
    };

    private static CheckReceipt? Read(JsonWebToken token)
    {
        if (!token.TryGetPayloadValue<string>("jti", out var id)
            || !token.TryGetPayloadValue<long>("iat", out var iat)
            || !token.TryGetPayloadValue<string>("dept", out var dept)
            || !token.TryGetPayloadValue<string>("contract", out var contract)
            || !token.TryGetPayloadValue<int>("n", out var n)
            || !token.TryGetPayloadValue<string>("codesSha256", out var codes)
            || !token.TryGetPayloadValue<string>("answersSha256", out var answers))
        {
            return null;
        }

        DateOnly? asOf = token.TryGetPayloadValue<string>("asOf", out var day) && day is not null
            && DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : null;
        return new CheckReceipt(id, DateTimeOffset.FromUnixTimeSeconds(iat), dept, contract, asOf, n, codes, answers,
            token.Kid);
    }
}
