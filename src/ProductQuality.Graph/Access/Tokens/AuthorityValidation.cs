using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Access.Tokens;

/// <summary>
/// Checks <c>Auth:Authority</c> at start: JwtBearer fetches the provider's metadata and keys over HTTPS only
/// (RequireHttpsMetadata, not configurable here), so an http address or one that is not an address started the server
/// and then failed every bearer request with 500.
/// </summary>
public sealed class AuthorityValidation : IValidateOptions<TokenOptions>
{
    public ValidateOptionsResult Validate(string? name, TokenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsDevelopmentMode
            || (Uri.TryCreate(options.Authority!.Trim(), UriKind.Absolute, out var uri)
                && uri.Scheme == Uri.UriSchemeHttps))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail($"Setting Auth:Authority is '{options.Authority}', which is not allowed: it "
            + "must be an https address, the identity provider's issuer such as https://id.example.gov.cn/realms/pq "
            + "(its metadata and keys are fetched over HTTPS); leave it empty for development tokens.");
    }
}
