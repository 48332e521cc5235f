using System.ComponentModel.DataAnnotations;

namespace ProductQuality.Graph.Access.Tokens;

/// <summary>Bearer-token validation (configuration section <c>Auth</c>).</summary>
public sealed class TokenOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// Production: the identity provider's authority (OpenID Connect discovery and JWKS signing keys). Empty means
    /// development mode: tokens signed with a local symmetric key and minted by the <c>token</c> verb.
    /// </summary>
    public string? Authority { get; set; }

    [Required]
    public string Issuer { get; set; } = "productquality-graph-dev";

    [Required]
    public string Audience { get; set; } = "productquality-graph";

    /// <summary>
    /// Development only: base64 HMAC-SHA256 key (at least 32 bytes). Empty: generated once into
    /// <see cref="DevelopmentKeyFile"/>.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// Development only: where the generated key is kept (git-ignored data/ folder). Never commit it.
    /// </summary>
    public string DevelopmentKeyFile { get; set; } = "data/dev-signing-key";

    /// <summary>Tolerated clock difference between servers, in seconds.</summary>
    [Range(0, 300)]
    public int ClockSkewSeconds { get; set; } = 30;

    public bool IsDevelopmentMode => string.IsNullOrWhiteSpace(Authority);
}
