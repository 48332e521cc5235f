using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ProductQuality.Graph.Receipts;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// Signs the chain's head as a compact JWS (ES256) with the bureau's receipt key — the key whose public half is
/// published at <c>/.well-known/jwks.json</c> — so anyone holding a checkpoint can later show the log was not
/// rewritten: the entry at that position must still carry that hash, and every later entry must chain from it.
/// Claims: <c>iss</c>, <c>typ</c> (<c>access-log-checkpoint</c>), <c>iat</c>, <c>seq</c>, <c>hash</c>.
/// </summary>
public sealed class CheckpointSigner(ReceiptKeys keys, IOptions<ReceiptOptions> options, TimeProvider time)
{
    public const string Type = "access-log-checkpoint";
    private static readonly JsonWebTokenHandler Handler = new();

    public string Sign(long seq, string hash)
    {
        var claims = new Dictionary<string, object?>
        {
            ["iss"] = options.Value.Issuer,
            ["typ"] = Type,
            ["iat"] = time.GetUtcNow().ToUnixTimeSeconds(),
            ["seq"] = seq,
            ["hash"] = hash,
        };
        return Handler.CreateToken(JsonSerializer.Serialize(claims),
            new SigningCredentials(keys.Current, SecurityAlgorithms.EcdsaSha256));
    }

    /// <summary>The checkpoint a JWS states, or null when it is not one of this bureau's keys' checkpoints.</summary>
    public async Task<ChainCheckpoint?> ReadAsync(string jws)
    {
        if (string.IsNullOrWhiteSpace(jws) || !Handler.CanReadToken(jws))
        {
            return null;
        }

        var result = await Handler.ValidateTokenAsync(jws, new TokenValidationParameters
        {
            ValidIssuer = options.Value.Issuer,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
            IssuerSigningKeys = keys.Verifying,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        });
        return result is { IsValid: true, SecurityToken: JsonWebToken token }
            && token.TryGetPayloadValue<string>("typ", out var type) && type == Type
            && token.TryGetPayloadValue<long>("seq", out var seq)
            && token.TryGetPayloadValue<string>("hash", out var hash)
            && token.TryGetPayloadValue<long>("iat", out var iat)
                ? new ChainCheckpoint(seq, hash, DateTimeOffset.FromUnixTimeSeconds(iat), token.Kid)
                : null;
    }
}
