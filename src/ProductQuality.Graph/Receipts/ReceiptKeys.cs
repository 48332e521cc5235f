using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ProductQuality.Graph.Receipts;

/// <summary>
/// The receipt keys: the current one signs, it and the retired ones verify. Without a configured key a development
/// key is generated once into <see cref="ReceiptOptions.DevelopmentKeyFile"/> (the server and the verbs agree on it);
/// its <c>kid</c> is derived from the key, so a regenerated key never takes an old one's name.
/// </summary>
public sealed class ReceiptKeys(IOptions<ReceiptOptions> options)
{
    private readonly Lazy<(ECDsaSecurityKey Current, IReadOnlyList<ECDsaSecurityKey> All)> _keys =
        new(() => Load(options.Value));

    /// <summary>The signing key, with its <c>kid</c>.</summary>
    public ECDsaSecurityKey Current => _keys.Value.Current;

    /// <summary>Every key a receipt may have been signed with: the current one first, then the retired ones.</summary>
    public IReadOnlyList<ECDsaSecurityKey> Verifying => _keys.Value.All;

    private static (ECDsaSecurityKey, IReadOnlyList<ECDsaSecurityKey>) Load(ReceiptOptions options)
    {
        var current = string.IsNullOrWhiteSpace(options.SigningKey)
            ? Development(options.DevelopmentKeyFile)
            : new ECDsaSecurityKey(Checked(ReceiptKeyText.Private(options.SigningKey, out var problem), problem))
            {
                KeyId = options.KeyId,
            };
        var all = new List<ECDsaSecurityKey> { current };
        foreach (var (kid, pem) in options.RetiredKeys)
        {
            all.Add(new ECDsaSecurityKey(Checked(ReceiptKeyText.Public(pem, out var bad), bad)) { KeyId = kid });
        }

        return (current, all);
    }

    private static ECDsaSecurityKey Development(string file)
    {
        var path = Path.GetFullPath(file);
        var text = Infrastructure.KeyFiles.ReadOrCreate(path, () =>
        {
            using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            return fresh.ExportPkcs8PrivateKeyPem();
        });
        var key = Checked(ReceiptKeyText.Private(text, out var problem), problem);
        var thumbprint = SHA256.HashData(key.ExportSubjectPublicKeyInfo());
        return new ECDsaSecurityKey(key) { KeyId = "dev-" + Base64UrlEncoder.Encode(thumbprint)[..12] };
    }

    // The settings were checked at start (ReceiptOptionsValidation); a key file damaged since is still reported.
    private static ECDsa Checked(ECDsa? key, string? problem) =>
        key ?? throw new InvalidOperationException($"A receipt key {problem}.");
}
