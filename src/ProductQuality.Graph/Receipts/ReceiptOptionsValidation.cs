using Microsoft.Extensions.Options;
using ProductQuality.Graph.Access.Tokens;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Receipts;

/// <summary>
/// Checks the receipt keys at start (exit code 3, one sentence per setting): a key that does not read as EC P-256, a
/// key without its <c>kid</c>, and — outside development, that is with <c>Auth:Authority</c> set — no key at all,
/// since a generated key on a production server would sign receipts nobody can check later.
/// </summary>
public sealed class ReceiptOptionsValidation(IOptions<TokenOptions> tokens) : IValidateOptions<ReceiptOptions>
{
    public ValidateOptionsResult Validate(string? name, ReceiptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsPrivateKey(string pem)
    {
        using var key = ReceiptKeyText.Private(pem, out _);
        return key is not null;
    }

    private IEnumerable<string> Problems(ReceiptOptions options)
    {
        // Empty, every receipt would carry "iss": "" and no verifier could tell whose it is (the ops probe).
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            yield return "Setting Receipts:Issuer is empty: give the iss every receipt carries, e.g. the bureau's "
                + "name (productquality-graph by default).";
        }

        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            // A kid names the configured key; without one, receipts were signed by the generated development key
            // under its own kid, and the setting was silently ignored (the ops probe).
            if (!string.IsNullOrWhiteSpace(options.KeyId))
            {
                yield return $"Setting Receipts:KeyId is '{Quoted.Start(options.KeyId)}' but Receipts:SigningKey is "
                    + "not set: give the key it names (PEM), or leave KeyId out.";
            }

            if (!tokens.Value.IsDevelopmentMode)
            {
                yield return "Setting Receipts:SigningKey is missing: with Auth:Authority set (production) check " +
                    "receipts must be signed with the bureau's own EC P-256 key (PEM), with Receipts:KeyId.";
            }
            else if (KeyFiles.Problem("Receipts:DevelopmentKeyFile", options.DevelopmentKeyFile,
                "an EC P-256 private key in PEM form (-----BEGIN PRIVATE KEY-----)", IsPrivateKey) is { } problem)
            {
                // Read on first use, after the start: a damaged file answered /.well-known/jwks.json with 500.
                yield return problem;
            }
        }
        else
        {
            using var key = ReceiptKeyText.Private(options.SigningKey, out var problem);
            if (problem is not null)
            {
                yield return $"Setting Receipts:SigningKey {problem}.";
            }

            if (string.IsNullOrWhiteSpace(options.KeyId))
            {
                yield return "Setting Receipts:KeyId is missing: give the signing key a kid (e.g. receipts-2027-01).";
            }
        }

        foreach (var (kid, pem) in options.RetiredKeys)
        {
            using var key = ReceiptKeyText.Public(pem, out var problem);
            if (problem is not null)
            {
                yield return $"Setting Receipts:RetiredKeys:{kid} {problem}.";
            }
            else if (IsPrivateKey(pem))
            {
                // The server verifies with it for good: whoever holds a retired key's private half (anyone who reads
                // this configuration) can sign receipts that verify under its kid. Only the public half belongs here.
                yield return $"Setting Receipts:RetiredKeys:{kid} holds a private key: give only its public half "
                    + "(openssl ec -in old-key.pem -pubout), and destroy the private key, since receipts signed with "
                    + "it verify under this kid for as long as it is listed.";
            }

            if (kid == options.KeyId)
            {
                yield return $"Setting Receipts:RetiredKeys:{kid} has the kid of the current key: " +
                    "give each key its own.";
            }
        }
    }
}
