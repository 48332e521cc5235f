using Microsoft.Extensions.Options;
using ProductQuality.Graph.Access.Tokens;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Access.EnterpriseTokens;

/// <summary>
/// Checks <c>Access:EnterpriseTokens</c> at start, one sentence per setting: lifetimes, a key that is not base64
/// of 32 bytes, a development key file that is not one, and an issuer or audience shared with the department
/// tokens (a token must never pass for both).
/// </summary>
public sealed class EnterpriseTokenValidation(IOptions<TokenOptions> tokens) : IValidateOptions<AccessOptions>
{
    public ValidateOptionsResult Validate(string? name, AccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Problems(options.EnterpriseTokens).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private IEnumerable<string> Problems(EnterpriseTokenOptions options)
    {
        const string Path = "Access:EnterpriseTokens";
        if (options.MaxLifetimeDays is < 1 or > 366)
        {
            yield return $"Setting {Path}:MaxLifetimeDays is {options.MaxLifetimeDays}: give 1 to 366 days.";
        }

        if (options.DefaultLifetimeDays < 1 || options.DefaultLifetimeDays > options.MaxLifetimeDays)
        {
            yield return $"Setting {Path}:DefaultLifetimeDays is {options.DefaultLifetimeDays}: give 1 day up to " +
                $"{Path}:MaxLifetimeDays.";
        }

        if (string.IsNullOrWhiteSpace(options.Issuer) || options.Issuer == tokens.Value.Issuer)
        {
            yield return $"Setting {Path}:Issuer must be set and differ from Auth:Issuer " +
                "(an enterprise token must never pass for a department's).";
        }

        if (string.IsNullOrWhiteSpace(options.Audience) || options.Audience == tokens.Value.Audience)
        {
            yield return $"Setting {Path}:Audience must be set and differ from Auth:Audience " +
                "(a department token must never pass for an enterprise's).";
        }

        if (!string.IsNullOrWhiteSpace(options.SigningKey) && EnterpriseTokenKey.Decode(options.SigningKey) is null)
        {
            yield return $"Setting {Path}:SigningKey must be base64 of at least 32 random bytes (HMAC-SHA256).";
        }

        // The generated key's file, read on first use (a damaged one crashed the start unhandled): checked here.
        if (string.IsNullOrWhiteSpace(options.SigningKey) && tokens.Value.IsDevelopmentMode
            && KeyFiles.Problem($"{Path}:DevelopmentKeyFile", options.DevelopmentKeyFile,
                "a base64 HMAC-SHA256 key of at least 32 bytes", text => EnterpriseTokenKey.Decode(text) is not null)
                is { } problem)
        {
            yield return problem;
        }
    }
}
