namespace ProductQuality.Graph.Receipts;

/// <summary>
/// The key that signs check receipts (configuration section <c>Receipts</c>). Production (<c>Auth:Authority</c>
/// set) must give the bureau's key; development generates one into a git-ignored file, as for the token key.
/// </summary>
public sealed class ReceiptOptions
{
    public const string Section = "Receipts";

    /// <summary>The current signing key: an EC P-256 private key in PEM form (PKCS#8 or SEC1), for ES256.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The <c>kid</c> of the current key, published at /.well-known/jwks.json; required with a key.</summary>
    public string? KeyId { get; set; }

    /// <summary>
    /// Public keys (PEM) of earlier signing keys, by their <c>kid</c>: receipts they signed stay verifiable after a
    /// rotation. Move the old key's public half here when setting a new <see cref="SigningKey"/>.
    /// </summary>
    public Dictionary<string, string> RetiredKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Development only: where the generated key is kept (git-ignored data/). Never commit it.</summary>
    public string DevelopmentKeyFile { get; set; } = "data/dev-receipt-key";

    /// <summary>The <c>iss</c> of every receipt: who signed it.</summary>
    public string Issuer { get; set; } = "productquality-graph";
}
