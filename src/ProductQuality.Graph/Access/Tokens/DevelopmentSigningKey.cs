using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ProductQuality.Graph.Access.Tokens;

/// <summary>
/// The development signing key: from configuration, else generated once into a git-ignored file so the server and
/// the <c>token</c> verb agree. Development only — production validates against the provider's JWKS.
/// </summary>
public sealed class DevelopmentSigningKey(IOptions<TokenOptions> options)
{
    private readonly Lazy<SymmetricSecurityKey> _key = new(() => Load(options.Value));

    public SymmetricSecurityKey Key => _key.Value;

    private static SymmetricSecurityKey Load(TokenOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return FromBase64(options.SigningKey, "Auth:SigningKey");
        }

        var path = Path.GetFullPath(options.DevelopmentKeyFile);
        var text = Infrastructure.KeyFiles.ReadOrCreate(path,
            () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        return FromBase64(text.Trim(), path);
    }

    /// <summary>Whether a key file's text is a key: base64 of at least 32 bytes (checked at start).</summary>
    public static bool IsKey(string text) => Decode(text.Trim()) is not null;

    /// <summary>Whether a configured key can sign: base64 of at least 32 bytes (checked at start).</summary>
    public static bool IsUsable(string? text) => string.IsNullOrWhiteSpace(text) || Decode(text) is not null;

    private static SymmetricSecurityKey FromBase64(string text, string source) =>
        Decode(text) is { } bytes
            ? new SymmetricSecurityKey(bytes) { KeyId = "dev" }
            : throw new InvalidOperationException(
                $"The signing key in {source} must be base64 of at least 32 bytes (HMAC-SHA256).");

    // The key's bytes, or null when the text is not base64 or too short for HMAC-SHA256.
    private static byte[]? Decode(string text)
    {
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var length) && length >= 32 ? bytes[..length] : null;
    }
}
