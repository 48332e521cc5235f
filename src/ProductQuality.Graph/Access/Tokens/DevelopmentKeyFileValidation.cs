using Microsoft.Extensions.Options;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Access.Tokens;

/// <summary>
/// Checks <c>Auth:DevelopmentKeyFile</c> at start when it is used (development mode, no <c>Auth:SigningKey</c>): a
/// damaged file stopped nothing and then failed every bearer request with 500.
/// </summary>
public sealed class DevelopmentKeyFileValidation : IValidateOptions<TokenOptions>
{
    public ValidateOptionsResult Validate(string? name, TokenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsDevelopmentMode || !string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return ValidateOptionsResult.Success;
        }

        var problem = KeyFiles.Problem("Auth:DevelopmentKeyFile", options.DevelopmentKeyFile,
            "a base64 HMAC-SHA256 key of at least 32 bytes", DevelopmentSigningKey.IsKey);
        return problem is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem);
    }
}
