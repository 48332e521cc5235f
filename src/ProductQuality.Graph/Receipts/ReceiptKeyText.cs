using System.Security.Cryptography;

namespace ProductQuality.Graph.Receipts;

/// <summary>Reads EC P-256 keys from PEM text, saying in one sentence what is wrong with a bad one.</summary>
public static class ReceiptKeyText
{
    private const string P256 = "1.2.840.10045.3.1.7";

    /// <summary>An EC P-256 private key, or null with the problem.</summary>
    public static ECDsa? Private(string pem, out string? problem) => Read(pem, true, out problem);

    /// <summary>An EC P-256 public key (a private key's PEM gives its public half), or null with the problem.</summary>
    public static ECDsa? Public(string pem, out string? problem) => Read(pem, false, out problem);

    private static ECDsa? Read(string pem, bool needPrivate, out string? problem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            var parameters = key.ExportParameters(needPrivate);
            if (parameters.Curve.Oid?.Value != P256)
            {
                problem = "is not a key on the P-256 curve (ES256 needs P-256)";
                key.Dispose();
                return null;
            }

            problem = null;
            return key;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            problem = needPrivate
                ? "is not an EC private key in PEM form (-----BEGIN PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY-----)"
                : "is not an EC public key in PEM form (-----BEGIN PUBLIC KEY-----)";
            key.Dispose();
            return null;
        }
    }
}
