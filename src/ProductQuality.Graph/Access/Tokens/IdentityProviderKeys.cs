using System.Globalization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Access.Tokens;

/// <summary>
/// Whether the identity provider's signing keys are at hand (production: <c>Auth:Authority</c> set). JwtBearer
/// fetches the provider's metadata and keys on first use and keeps them; when it cannot, its token handler goes on
/// without keys, so every token was refused as "signature does not verify" — the caller told to fix a good token,
/// nothing logged, readiness healthy — and a provider that did not answer held each request for the fetch's minute.
/// Asked before a token is validated (only when the validated-token cache misses): a fetch under way is waited for
/// at most <see cref="Wait"/>, and its failure is the provider's, answered 503 to try again.
/// </summary>
internal sealed class IdentityProviderKeys(
    IOptionsMonitor<JwtBearerOptions> jwt, IOptions<TokenOptions> tokens, ILogger<IdentityProviderKeys> log,
    TimeProvider clock)
{
    /// <summary>The longest a request waits for the provider: its metadata answers in milliseconds when it is up.
    /// </summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The backchannel's own timeout (JwtBearer's default is a minute): a fetch holds the library's refresh lock, so
    /// while one hangs no other can start, and the provider's return is noticed only after it gives up.
    /// </summary>
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest the library waits between fetches while the provider fails (and between refreshes asked for: an
    /// empty key set, a token signed with a key it has not seen). Its default, 5 minutes, is where its growing wait
    /// (1, 2, 4 … s) ends, so after an outage of a minute or more every token was refused for up to 5 minutes more
    /// after the provider answered again. At 30 s a provider costs one metadata fetch a server every 30 s at most.
    /// </summary>
    public static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(30);

    /// <summary>Seconds a refused caller is told to wait: the library retries a failed first fetch within seconds.
    /// </summary>
    public const int RetryAfterSeconds = 10;

    /// <summary>What production tokens may be signed with (JwtBearer is told the same).</summary>
    public static readonly string[] AcceptedAlgorithms =
        [Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256,
            Microsoft.IdentityModel.Tokens.SecurityAlgorithms.EcdsaSha256];

    private readonly Lock _gate = new();
    private readonly WarningThrottle _warnings = new(TimeSpan.FromMinutes(1), clock);
    private DateTimeOffset? _unavailableSince;
    private volatile bool _failing;

    // The last reachability probe for a token signed with an unseen key, shared by the tokens that arrive meanwhile:
    // a flood of such tokens asks the provider once every ReachableFor, not once each.
    private Task<Exception?>? _reachability;
    private DateTimeOffset _reachabilityAt;

    /// <summary>How long one answer to "does the provider answer?" stands for tokens signed with unseen keys.
    /// </summary>
    private static readonly TimeSpan ReachableFor = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Why <paramref name="token"/> cannot be judged now (a sentence), or null when it can: always in development,
    /// and for a token judged without keys (<see cref="NeedsKeys"/>).
    /// </summary>
    public async Task<string?> UnavailableForAsync(string token, CancellationToken cancel)
    {
        if (tokens.Value.IsDevelopmentMode || !NeedsKeys(token, out var keyId))
        {
            return null;
        }

        var (problem, configuration) = await CheckAsync(Wait, cancel);
        return problem ?? (keyId is null || configuration is null ? null
            : await UnseenKeyAsync(keyId, configuration, cancel));
    }

    /// <summary>
    /// Whether judging the token needs the provider's keys: a JWT signed with an algorithm this server accepts. One
    /// that is not a JWT, or unsigned, or signed otherwise, is refused (401) whether or not the provider answers, and
    /// told it to try again, its client would retry for ever.
    /// </summary>
    private static bool NeedsKeys(string token, out string? keyId)
    {
        keyId = null;
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        if (!handler.CanReadToken(token))
        {
            return false;
        }

        try
        {
            var read = handler.ReadJsonWebToken(token);
            keyId = string.IsNullOrEmpty(read.Kid) ? null : read.Kid;
            return AcceptedAlgorithms.Contains(read.Alg);
        }
        catch (ArgumentException)
        {
            return false;   // a header or payload the library cannot read: refused as malformed
        }
    }

    /// <summary>
    /// A token signed with a key the keys at hand do not hold (the provider rotated its keys): JwtBearer asks the
    /// provider again, and when it cannot be reached refused the token 401 "signature does not verify" — a good token,
    /// whose client then stops retrying (the re-probe). Whether the provider answers is asked here (its key set's
    /// address, at most every <see cref="ReachableFor"/>): not reachable, the token is not judged (503).
    /// </summary>
    private async Task<string?> UnseenKeyAsync(
        string keyId, OpenIdConnectConfiguration configuration, CancellationToken cancel)
    {
        if (jwt.Get(JwtBearerDefaults.AuthenticationScheme).Backchannel is not { } backchannel
            || string.IsNullOrEmpty(configuration.JwksUri) || configuration.SigningKeys.Any(k => k.KeyId == keyId))
        {
            return null;
        }

        Task<Exception?> probe;
        lock (_gate)
        {
            if (_reachability is null || clock.GetUtcNow() - _reachabilityAt > ReachableFor)
            {
                (_reachability, _reachabilityAt) = (ProbeAsync(backchannel, configuration), clock.GetUtcNow());
            }

            probe = _reachability;
        }

        if (await probe.WaitAsync(Wait, cancel) is not { } failure)
        {
            return null;   // it answers: the key is unknown to it too, or soon fetched (JwtBearer asks again)
        }

        const string problem = "could not be reached to fetch the key this token is signed with";
        Failed(problem, failure);
        return $"The identity provider (Auth:Authority) {problem} (kid '{Quoted.Start(keyId)}'), so "
            + "the token cannot be checked now.";
    }

    // The key set's address (else the metadata's), fetched over JwtBearer's own backchannel: null when it answers.
    private static async Task<Exception?> ProbeAsync(HttpClient backchannel, OpenIdConnectConfiguration known)
    {
        try
        {
            using var answer = await backchannel.GetAsync(known.JwksUri);
            return answer.IsSuccessStatusCode
                ? null
                : new HttpRequestException($"{known.JwksUri} answered {(int)answer.StatusCode}");
        }
#pragma warning disable CA1031 // Whatever stops the fetch (refused, DNS, TLS, time-out) means "not reachable".
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e;
        }
    }


    /// <summary>Why tokens cannot be checked now (a sentence), or null when they can.</summary>
    /// <param name="wait">At most how long to wait for a fetch under way; <see cref="Wait"/> by default.</param>
    /// <param name="cancel">The caller going away.</param>
    public async Task<string?> UnavailableAsync(CancellationToken cancel, TimeSpan? wait = null) =>
        (await CheckAsync(wait ?? Wait, cancel)).Problem;

    // Why tokens cannot be checked now, or else the provider's configuration at hand (null in development).
    private async Task<(string? Problem, OpenIdConnectConfiguration? Configuration)> CheckAsync(
        TimeSpan wait, CancellationToken cancel)
    {
        if (tokens.Value.IsDevelopmentMode
            || jwt.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager is not { } manager)
        {
            return (null, null);
        }

        string problem;
        Exception? detail = null;
        try
        {
            // Not the caller's token: the fetch is shared, and a caller going away must not fail it for others.
            var configuration = await manager.GetConfigurationAsync(CancellationToken.None).WaitAsync(wait, cancel);
            if (configuration.SigningKeys.Count > 0)
            {
                Recovered();
                return (null, configuration);
            }

            // Metadata and a key set that holds no key: every token would be refused as badly signed. Kept, the
            // empty set would stand for the library's 12 hours; asked again (at most every RetryEvery, the library's
            // refresh interval) so keys put back are found.
            manager.RequestRefresh();
            problem = "published no signing keys (its key set, jwks_uri, is empty)";
        }
        catch (TimeoutException)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"did not answer within {wait.TotalSeconds:0.#} s");
        }
        catch (InvalidOperationException failure)
        {
            // The library's IDX20803, wrapping what the fetch met (refused, DNS, TLS, not OpenID metadata).
            problem = "could not be reached or did not publish its OpenID configuration and keys";
            detail = failure.InnerException ?? failure;
        }

        Failed(problem, detail);
        return ($"The identity provider (Auth:Authority) {problem}, so no token can be checked now.", null);
    }

    // One warning when the provider fails and then one a minute while it lasts (not one per request), and one line
    // when it answers again: the operator's log says what callers were told.
    private void Failed(string problem, Exception? detail)
    {
        lock (_gate)
        {
            _unavailableSince ??= clock.GetUtcNow();
            _failing = true;
        }

        if (_warnings.ShouldWarn(out _))
        {
            // The detail's first line, cut: the library quotes whatever the address answered (a 500 KB HTML page).
            log.LogWarning("The identity provider {Authority} {Problem}: requests with a token are refused with 503 "
                + "IDENTITY_PROVIDER_UNAVAILABLE until it answers ({Detail}).", tokens.Value.Authority, problem,
                WarningThrottle.FirstLine(detail?.Message ?? "no answer"));
        }
    }

    private void Recovered()
    {
        if (!_failing)
        {
            return;
        }

        DateTimeOffset? since;
        lock (_gate)
        {
            since = _unavailableSince;
            _unavailableSince = null;
            _failing = false;
        }

        _warnings.Reset();

        if (since is { } start)
        {
            log.LogInformation("The identity provider {Authority} answers again; tokens were refused for {Seconds} s.",
                tokens.Value.Authority, (int)(clock.GetUtcNow() - start).TotalSeconds);
        }
    }
}
