using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Access;

/// <summary>Tokens that must all be refused with 401: malformed, tampered, wrongly signed, badly dated or
/// claimed.</summary>
public static class TokenForgeries
{
    public static readonly SymmetricSecurityKey TestKey =
        new(Convert.FromBase64String(TestServerFactory.TestSigningKey));
    private static readonly SymmetricSecurityKey LongKey = new(Encoding.UTF8.GetBytes(new string('k', 64)));
    private static readonly SymmetricSecurityKey OtherKey =
        new(Encoding.UTF8.GetBytes("another-key-that-is-long-enough-for-hmac-256"));

    public static IEnumerable<(string Why, string Token)> All()
    {
        var good = Signed(Payload());
        var (header, payload, signature) = Split(good);
        yield return ("three dots", "not.a.jwt");
        yield return ("one word", "garbage");
        yield return ("two parts", "abc.def");
        yield return ("four parts", "a.b.c.d");
        yield return ("only dots", "....");
        yield return ("base64 noise", "eyJhbGciOiJIUzI1NiJ9.eyJ.x");
        yield return ("header not json", Base64UrlEncoder.Encode("nope") + "." + payload + "." + signature);
        yield return ("long", new string('A', 20_000) + "." + payload + "." + signature);
        yield return ("altered signature", header + "." + payload + "." + Flip(signature));
        yield return ("truncated signature", header + "." + payload + "." + signature[..^5]);
        yield return ("no signature", header + "." + payload + ".");
        yield return ("altered payload", header + "." + Base64UrlEncoder.Encode(Payload(dept: "\"samr-jiaxing\""))
            + "." + signature);
        yield return ("wrong key", Signed(Payload(), OtherKey));
        yield return ("HS512", Signed(Payload(), LongKey, SecurityAlgorithms.HmacSha512));
        yield return ("alg none", Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".");
        yield return ("alg RS256 on an HMAC signature",
            Base64UrlEncoder.Encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + payload + "." + signature);
        yield return ("expired", Signed(Payload(exp: -600, nbf: -1_200)));
        yield return ("not yet valid", Signed(Payload(nbf: 3_600, exp: 7_200)));
        yield return ("no expiry", Signed(Payload(exp: null)));
        yield return ("expiry not a number", Signed(Payload(exp: null).TrimEnd('}') + ",\"exp\":\"soon\"}"));
        var soon = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 600;
        yield return ("expiry a numeric string", Signed(Payload(exp: null).TrimEnd('}') + $",\"exp\":\"{soon}\"}}"));
        yield return ("subject a number",
            Signed(Payload().Replace("\"sub\":\"fuzz\"", "\"sub\":5", StringComparison.Ordinal)));
        yield return ("dept lone surrogate", Signed(Payload(dept: "\"\\ud800\"")));
        yield return ("wrong issuer", Signed(Payload(iss: "someone-else")));
        yield return ("wrong audience", Signed(Payload(aud: "another-server")));
        yield return ("dept array", Signed(Payload(dept: "[\"samr-jiaxing\",\"finance\"]")));
        yield return ("dept array of one", Signed(Payload(dept: "[\"finance\"]")));
        yield return ("dept empty array", Signed(Payload(dept: "[]")));
        yield return ("dept number", Signed(Payload(dept: "5")));
        yield return ("dept object", Signed(Payload(dept: "{\"id\":\"finance\"}")));
        yield return ("dept null", Signed(Payload(dept: "null")));
        yield return ("dept empty", Signed(Payload(dept: "\"\"")));
        yield return ("dept twice", Signed(Payload(dept: "\"finance\",\"dept\":\"samr-jiaxing\"")));
        yield return ("no dept", Signed(Payload(dept: null)));
        yield return ("critical extension", new JsonWebTokenHandler().CreateToken(Payload(),
            new SigningCredentials(TestKey, SecurityAlgorithms.HmacSha256),
            new Dictionary<string, object> { ["crit"] = new[] { "pqg-ext" }, ["pqg-ext"] = 1 }));
    }

    /// <summary>A payload in JSON text, so arrays and repeated members can be written; times relative to now.</summary>
    public static string Payload(string? dept = "\"finance\"", string iss = "productquality-graph-dev",
        string aud = "productquality-graph", int? exp = 600, int nbf = -60)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var members = new List<string> { $"\"iss\":\"{iss}\"", $"\"aud\":\"{aud}\"", "\"sub\":\"fuzz\"",
            $"\"nbf\":{now + nbf}" };
        if (exp is { } e)
        {
            members.Add($"\"exp\":{now + e}");
        }

        if (dept is not null)
        {
            members.Add($"\"dept\":{dept}");
        }

        return "{" + string.Join(',', members) + "}";
    }

    public static string Signed(string payload, SymmetricSecurityKey? key = null,
        string algorithm = SecurityAlgorithms.HmacSha256) =>
        new JsonWebTokenHandler().CreateToken(payload, new SigningCredentials(key ?? TestKey, algorithm));

    private static (string, string, string) Split(string token) => token.Split('.') is [var h, var p, var s]
        ? (h, p, s)
        : throw new InvalidOperationException("not a JWS");

    private static string Flip(string signature) => signature[..^2] + (signature[^2] == 'A' ? 'B' : 'A')
        + signature[^1];
}
