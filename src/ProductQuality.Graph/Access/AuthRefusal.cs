using ProductQuality.Graph.Infrastructure.Http;

namespace ProductQuality.Graph.Access;

/// <summary>
/// Why a request's identity is refused: status (401/403, or 503 when the identity provider cannot be asked), a stable
/// code, a message, and the WWW-Authenticate value.
/// </summary>
public sealed record AuthRefusal(int Status, string Code, string Message, string? WwwAuthenticate)
{
    /// <summary>
    /// Who a valid token says the caller is, when its department has no policy: the access log names them (the
    /// refusal is theirs), though nothing is served to them.
    /// </summary>
    public (string Department, string? Subject)? Claimed { get; init; }

    /// <summary>For a refusal that is the server's (503): when to try again, sent as Retry-After.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>
    /// The refusal as the transport's error, with its challenge set on the response: a 401 must carry one (RFC 9110
    /// §11.6.1), and when each endpoint set it by hand, the IDE's examples forgot.
    /// </summary>
    internal RequestError ChallengeOn(HttpResponse response)
    {
        if (WwwAuthenticate is { } challenge)
        {
            response.Headers.WWWAuthenticate = challenge;
        }

        if (RetryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new RequestError(Status, Code, Message);
    }
}
