using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ProductQuality.Graph.Tests.Access.IdentityProvider;

/// <summary>
/// An OpenID Connect provider as JwtBearer's metadata fetch sees it, in memory: its discovery document and its key
/// set over the backchannel, and tokens signed with its RSA key. It can be up, down (every fetch refused, as a host
/// that is not there), silent (every fetch waits until the caller gives up, as a host that drops packets) or
/// keyless (its key set empty, as a realm whose keys were removed).
/// </summary>
public sealed class FakeIdentityProvider : HttpMessageHandler
{
    public const string Authority = "https://id.test.example/realms/pq";
    public const string Issuer = Authority;
    public const string Audience = "productquality-graph";

    private readonly RSA _key = RSA.Create(2048);
    private readonly RsaSecurityKey _signingKey;
    private int _fetches;

    public FakeIdentityProvider()
    {
        _signingKey = new RsaSecurityKey(_key) { KeyId = "pq-test-" + Guid.NewGuid().ToString("N")[..8] };
    }

    public enum Mode
    {
        Up,
        Down,
        Silent,
        Keyless,
    }

    public Mode State { get; set; } = Mode.Up;

    /// <summary>How many documents the server has asked for.</summary>
    public int Fetches => Volatile.Read(ref _fetches);

    /// <summary>A token as the provider issues it for a department's system (client credentials).</summary>
    public string Issue(string department, SecurityKey? signWith = null) => new JsonWebTokenHandler().CreateToken(
        new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim("dept", department), new Claim("sub", "system-" + department)]),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(signWith ?? _signingKey, SecurityAlgorithms.RsaSha256),
        });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _fetches);
        switch (State)
        {
            case Mode.Down:
                throw new HttpRequestException("Connection refused (id.test.example:443)");
            case Mode.Silent:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
        }

        var path = request.RequestUri!.AbsolutePath;
        object? document = path switch
        {
            "/realms/pq/.well-known/openid-configuration" => new Dictionary<string, object>
            {
                ["issuer"] = Issuer,
                ["jwks_uri"] = Authority + "/protocol/openid-connect/certs",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            },
            "/realms/pq/protocol/openid-connect/certs" => new Dictionary<string, object>
            {
                ["keys"] = State == Mode.Keyless ? [] : new[] { PublicJwk() },
            },
            _ => null,
        };
        return document is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound)
            : new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(JsonSerializer.Serialize(document), System.Text.Encoding.UTF8,
                    "application/json"),
            };
    }

    private Dictionary<string, string> PublicJwk()
    {
        var parameters = _key.ExportParameters(false);
        return new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = _signingKey.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _key.Dispose();
        }

        base.Dispose(disposing);
    }
}
