namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// Which web origins may call the endpoint from a browser (configuration section <c>GraphQL:Cors</c>): a partner's
/// own web front end, a hosted IDE. None by default: a browser page on another origin cannot read the answers.
/// Bearer tokens, not cookies, carry identity, so an allowed origin gains nothing its user's token does not give.
/// </summary>
public sealed class CrossOriginOptions
{
    public const string Section = "GraphQL:Cors";

    /// <summary>Origins such as <c>https://credit.example.gov.cn</c> (scheme, host, optional port; no path), or
    /// <c>*</c> for any origin.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>How long a browser may cache a preflight answer, in seconds.</summary>
    [SettingRange(0, 86_400)]
    public int PreflightMaxAgeSeconds { get; set; } = 600;
}
