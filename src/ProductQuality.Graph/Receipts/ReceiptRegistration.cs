using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Receipts;

/// <summary>Composition of check receipts: the keys (checked at start), the signer and the published JWK set.</summary>
public static class ReceiptRegistration
{
    public const string JwksPath = "/.well-known/jwks.json";

    public static IHostApplicationBuilder AddCheckReceipts(this IHostApplicationBuilder builder)
    {
        builder.AddCheckedOptions<ReceiptOptions>(ReceiptOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ReceiptOptions>, ReceiptOptionsValidation>();
        builder.Services.AddSingleton<ReceiptKeys>();
        builder.Services.AddSingleton<ReceiptSigner>();
        return builder;
    }

    /// <summary>
    /// The public receipt keys as a JWK set (RFC 7517): current and retired, so old receipts stay checkable.
    /// </summary>
    public static WebApplication MapCheckReceiptKeys(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(JwksPath, (ReceiptKeys keys) => Results.Text(Jwks(keys), "application/jwk-set+json"));

        // As for the token key: a generated key outside a developer's machine signs receipts nobody can rely on.
        if (string.IsNullOrWhiteSpace(app.Services.GetRequiredService<IOptions<ReceiptOptions>>().Value.SigningKey)
            && !app.Environment.IsDevelopment())
        {
            app.Logger.LogWarning(
                "Check receipts are signed with the generated development receipt key in the '{Environment}' " +
                "environment: set Receipts:SigningKey and Receipts:KeyId to the bureau's own key.",
                app.Environment.EnvironmentName);
        }

        return app;
    }

    public static string Jwks(ReceiptKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var set = keys.Verifying.Select(k =>
        {
            var q = k.ECDsa.ExportParameters(false).Q;
            return new Dictionary<string, string?>
            {
                ["kty"] = "EC", ["crv"] = "P-256", ["alg"] = "ES256", ["use"] = "sig", ["kid"] = k.KeyId,
                ["x"] = Base64UrlEncoder.Encode(q.X), ["y"] = Base64UrlEncoder.Encode(q.Y),
            };
        });
        return JsonSerializer.Serialize(new { keys = set });
    }
}
