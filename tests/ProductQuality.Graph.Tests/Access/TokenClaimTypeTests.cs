using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Access;

/// <summary>
/// Tokens signed with the development key whose header fields or claims have the wrong JSON type (the fuzzing
/// probe): a numeric string for exp was accepted as a number, and a numeric sub or a lone surrogate in dept was told
/// about exp, nbf, iat and aud. Each is 401 INVALID_TOKEN naming the field that is wrong, and only such fields.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed partial class TokenClaimTypeTests(GraphServerFactory factory)
{
    private static readonly string[] Headers = ["alg", "typ", "kid", "cty"];
    private static readonly string[] Fields = [.. Headers, "iss", "sub", "jti", "aud", "exp", "nbf", "iat", "dept"];

    /// <summary>Wrong values for each field, in JSON text.</summary>
    private static readonly Dictionary<string, string[]> WrongValues = new()
    {
        ["alg"] = ["5", "null", "[\"HS256\"]"],
        ["typ"] = ["5", "[\"JWT\"]", "{\"a\":1}"],
        ["kid"] = ["5", "{}", "true"],
        ["cty"] = ["true", "7"],
        ["iss"] = ["5", "{\"a\":1}", "[\"productquality-graph-dev\"]", "true", "null", "\"\\ud800\""],
        ["sub"] = ["5", "{\"a\":1}", "[\"x\"]", "true", "null", "\"\\ud800\""],
        ["jti"] = ["5", "{\"a\":1}", "[\"x\"]", "false", "null", "\"x\\udc00\""],
        ["aud"] = ["5", "{\"a\":1}", "[5]", "true", "null", "\"\\ud800\"", "[\"productquality-graph\",\"\\udc00\"]"],
        ["exp"] = ["\"1893456000\"", "\"soon\"", "{\"a\":1}", "[1893456000]", "true", "null"],
        ["nbf"] = ["\"1700000000\"", "\"now\"", "{\"a\":1}", "[1]", "false", "null"],
        ["iat"] = ["\"1700000000\"", "{\"a\":1}", "[1]", "true", "null"],
        ["dept"] = ["5", "{\"id\":\"finance\"}", "[\"finance\"]", "true", "null", "\"\\ud800\"", "\"fin\\udc00ance\""],
    };

    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var (field, values) in WrongValues)
        {
            foreach (var value in values)
            {
                data.Add(field, value, false);
            }
        }

        // Right types are still served: integers, an exp past 2038 (and int32) or far ahead, aud as a list.
        data.Add("exp", "4102444800", true);
        data.Add("exp", "32503680000", true);
        data.Add("iat", "1700000000", true);
        data.Add("aud", "[\"productquality-graph\",\"another-server\"]", true);
        data.Add("jti", "\"a-\\u00e9-\\ud83d\\ude00\"", true);
        data.Add("typ", "\"JWT\"", true);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_field_of_the_wrong_type_is_named(string field, string json, bool valid)
    {
        var reply = await SendAsync(Token(new Dictionary<string, string> { [field] = json }));
        var why = $"{field}: {json}";
        CleanAnswer.Assert(reply, why);
        if (valid)
        {
            reply.EnsureData();
            return;
        }

        Assert.True(reply.Status == HttpStatusCode.Unauthorized, $"{why}: {(int)reply.Status} {reply.Body}");
        Assert.Equal("INVALID_TOKEN", reply.FirstErrorCode);
        var challenge = Assert.Single(reply.Response.Headers.WwwAuthenticate).ToString();
        Assert.Matches("^Bearer error=\"invalid_token\", error_description=\"[^\"\\r\\n]+\"$", challenge);
        Assert.Equal([field], Named(reply.FirstErrorMessage));
    }

    [Fact]
    public async Task A_numeric_string_exp_is_refused_saying_so()
    {
        var reply = await SendAsync(Token(new Dictionary<string, string> { ["exp"] = "\"1893456000\"" }));
        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("The token's exp claim must be a number of seconds since 1970 (a JSON number, not a string): "
            + "issue it again.", reply.FirstErrorMessage);
    }

    /// <summary>
    /// A few hundred random mixes of right and wrong types (fixed seed): never a 5xx, a token with only right types
    /// served, and a refusal names at least one field and only fields that are wrong.
    /// </summary>
    [Fact]
    public async Task Random_mixes_name_only_wrong_fields()
    {
        var random = new Random(20_261_207);
        var failures = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var wrong = new Dictionary<string, string>();
            foreach (var (field, values) in WrongValues)
            {
                if (random.NextDouble() < 0.25)
                {
                    wrong[field] = values[random.Next(values.Length)];
                }
            }

            var reply = await SendAsync(Token(wrong));
            var mix = string.Join(", ", wrong.Select(w => $"{w.Key}={w.Value}"));
            if (CleanAnswer.Violation(reply) is { } violation)
            {
                failures.Add($"{mix}: {violation}");
            }
            else if (wrong.Count == 0)
            {
                if (reply.Status != HttpStatusCode.OK)
                {
                    failures.Add($"(all right): {(int)reply.Status} {reply.Body}");
                }
            }
            else if (reply.Status != HttpStatusCode.Unauthorized || reply.FirstErrorCode != "INVALID_TOKEN")
            {
                failures.Add($"{mix}: {(int)reply.Status} {reply.Body}");
            }
            else if (Named(reply.FirstErrorMessage) is var named
                && (named.Count == 0 || named.Any(n => !wrong.ContainsKey(n))))
            {
                failures.Add($"{mix}: named {string.Join(",", named)} in '{reply.FirstErrorMessage}'");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    // The header fields and claims a message names, as words ("issue" does not name iss).
    private static List<string> Named(string message) =>
        Fields.Where(f => Regex.IsMatch(message, $"(?<![A-Za-z]){f}(?![A-Za-z])")).ToList();

    private async Task<GraphQLReply> SendAsync(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return await client.PostAsync("{ __typename }");
    }

    /// <summary>
    /// A token of right types with <paramref name="overrides"/> in JSON text, signed HS256 with the development key
    /// by hand: the library's writer would not put a number in alg or a lone surrogate in a claim.
    /// </summary>
    private static string Token(Dictionary<string, string> overrides)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new Dictionary<string, string> { ["alg"] = "\"HS256\"", ["typ"] = "\"JWT\"" };
        var payload = new Dictionary<string, string>
        {
            ["iss"] = "\"productquality-graph-dev\"", ["aud"] = "\"productquality-graph\"", ["sub"] = "\"fuzz\"",
            ["jti"] = "\"j-1\"", ["iat"] = $"{now - 60}", ["nbf"] = $"{now - 60}", ["exp"] = $"{now + 600}",
            ["dept"] = "\"finance\"",
        };
        foreach (var (field, json) in overrides)
        {
            (Headers.Contains(field) ? header : payload)[field] = json;
        }

        var signed = Encode(header) + "." + Encode(payload);
        var signature = HMACSHA256.HashData(TokenForgeries.TestKey.Key, Encoding.ASCII.GetBytes(signed));
        return signed + "." + Base64UrlEncoder.Encode(signature);
    }

    private static string Encode(Dictionary<string, string> members) => Base64UrlEncoder.Encode(
        "{" + string.Join(',', members.Select(m => $"\"{m.Key}\":{m.Value}")) + "}");
}
