using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using ProductQuality.Graph.Access.Tokens;

namespace ProductQuality.Graph.Access.EnterpriseTokens;

/// <summary>
/// The key that signs and checks enterprise tokens: <c>Access:EnterpriseTokens:SigningKey</c>, else in development
/// one generated once into a git-ignored file (so the server and the <c>token</c> verb agree). In production without
/// a configured key there is none: enterprise tokens are then neither issued nor accepted.
/// </summary>
public sealed class EnterpriseTokenKey(IOptions<AccessOptions> access, IOptions<TokenOptions> tokens)
{
    private readonly Lazy<SymmetricSecurityKey?> _key = new(() => Load(access.Value.EnterpriseTokens, tokens.Value));

    /// <summary>The key; null when production has none configured.</summary>
    public SymmetricSecurityKey? Key => _key.Value;

    /// <summary>The bytes of a base64 key of at least 32 bytes; null when it is not one.</summary>
    public static byte[]? Decode(string text)
    {
        try
        {
            var bytes = Convert.FromBase64String(text.Trim());
            return bytes.Length >= 32 ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static SymmetricSecurityKey? Load(EnterpriseTokenOptions options, TokenOptions tokens)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return Keyed(Decode(options.SigningKey), "Access:EnterpriseTokens:SigningKey");
        }

        if (!tokens.IsDevelopmentMode)
        {
            return null;
        }

        var path = Path.GetFullPath(options.DevelopmentKeyFile);
        return Keyed(Decode(Infrastructure.KeyFiles.ReadOrCreate(path,
            () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))), path);
    }

    private static SymmetricSecurityKey Keyed(byte[]? bytes, string source) => bytes is null
        ? throw new InvalidOperationException($"The enterprise token key in {source} is not base64 of 32 bytes.")
        : new SymmetricSecurityKey(bytes) { KeyId = "enterprise" };
}
