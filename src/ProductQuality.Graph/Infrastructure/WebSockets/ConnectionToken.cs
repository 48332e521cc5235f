using System.Text.Json;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.JsonWebTokens;
using ProductQuality.Graph.Access.Tokens;
using ProductQuality.Graph.Infrastructure.Http;

namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>
/// The bearer token of a WebSocket connection. Browsers cannot set headers on a WebSocket, so graphql-ws clients
/// send it in <c>connection_init</c>'s payload (their <c>connectionParams</c>): as <c>Authorization</c> ("Bearer
/// …", as the HTTP header), or as <c>token</c> / <c>authToken</c>, at the top or in a <c>headers</c> object (as
/// Apollo's and Hasura's examples put it). Other clients may send the header on the upgrade.
/// </summary>
internal static class ConnectionToken
{
    // In any case (ConnectionParams): the spellings clients' guides use, accessToken and access_token among them.
    private static readonly string[] Names = ["Authorization", "token", "authToken", "accessToken", "access_token"];

    /// <summary>
    /// The Authorization header the connection's operations are resolved with: "Bearer …" from the payload, else the
    /// upgrade request's headers as they came (the resolver refuses malformed ones, as over HTTP), else none for the
    /// public. A token member that is there but holds no usable token is a problem, never a quiet fall back to the
    /// public contract: the client meant to sign in.
    /// </summary>
    public static (StringValues Authorization, ConnectionRefusal? Problem) From(
        JsonElement? payload, HttpRequest upgrade)
    {
        // Refused as over HTTP, whatever the payload holds: a token in the address went unread, as the public.
        if (Access.Tokens.TokenInAddress.Parameter(upgrade) is { } parameter)
        {
            return (StringValues.Empty, ConnectionRefusal.Token("INVALID_AUTHORIZATION",
                StatusCodes.Status401Unauthorized, Access.Tokens.TokenInAddress.WebSocketRefusal(parameter)));
        }

        if (payload is { } body)
        {
            if (body.ValueKind != JsonValueKind.Object)
            {
                return (StringValues.Empty, new ConnectionRefusal(CloseCodes.BadRequest, "INVALID_REQUEST",
                    StatusCodes.Status400BadRequest,
                    "connection_init's payload must be a JSON object, such as {\"token\": \"<JWT>\"}."));
            }

            // A headers member of another shape (a string "Bearer <JWT>", an array) was skipped, and the connection
            // served as the public: the client meant to sign in. null is no headers, as no member.
            if (ConnectionParams.HeaderObjects(body)
                    .FirstOrDefault(h => h.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                is { Name: { } misshapen })
            {
                return (StringValues.Empty, ConnectionRefusal.Token("INVALID_TOKEN", StatusCodes.Status401Unauthorized,
                    $"payload.{misshapen} must be an object holding the token: {{\"headers\": {{\"Authorization\": "
                    + "\"Bearer <JWT>\"}}."));
            }

            // null is how many clients say "no token yet" (connectionParams: { token: getToken() }).
            var found = ConnectionParams.All(body, Names);
            if (found.Count > 0)
            {
                return OneOf(found, upgrade);
            }
        }

        // Every value the upgrade carried, so the resolver refuses two headers as it does over HTTP.
        return (upgrade.Headers.Authorization, null);
    }

    // Several places may hold the token, if they hold the same one: two different tokens (or a payload token beside
    // another on the upgrade) are refused as two Authorization headers are over HTTP, not settled by which came first.
    private static (StringValues, ConnectionRefusal?) OneOf(
        IReadOnlyList<(string Name, JsonElement Value)> found, HttpRequest upgrade)
    {
        var tokens = found.Select(f => (f.Name, Token: Bearer(f.Name, f.Value))).ToList();
        if (tokens.FirstOrDefault(t => t.Token.Problem is not null) is { Token.Problem: not null } bad)
        {
            return bad.Token;
        }

        var (first, chosen) = (tokens[0].Name, tokens[0].Token.Authorization.ToString());
        var other = tokens.FirstOrDefault(t => t.Token.Authorization.ToString() != chosen).Name;
        // An empty header is no token (as over HTTP); two headers are refused whatever they hold.
        var onUpgrade = upgrade.Headers.Authorization.Where(h => !string.IsNullOrWhiteSpace(h)).ToList();
        var problem = other is not null
            ? $"payload.{first} and payload.{other} hold different tokens"
            : onUpgrade.Count > 1
                ? $"the upgrade has {onUpgrade.Count} Authorization headers besides payload.{first}"
            : onUpgrade.Count == 1 && BearerToken.Of(onUpgrade[0]) != BearerToken.Of(chosen)
                ? $"payload.{first} and the upgrade's Authorization header hold different tokens"
                : null;
        return problem is null
            ? (chosen, null)
            : (StringValues.Empty, ConnectionRefusal.Token("INVALID_AUTHORIZATION",
                StatusCodes.Status401Unauthorized, $"{problem}: send one token, in one place."));
    }

    private static (StringValues Authorization, ConnectionRefusal? Problem) Bearer(string name, JsonElement value)
    {
        // The payload may hold the header's value ("Bearer …") or the token alone.
        var text = value.ValueKind == JsonValueKind.String ? UnicodeText.Read(value)?.Trim() : null;
        var token = BearerToken.Of(text) ?? text;
        if (string.IsNullOrEmpty(token))
        {
            return (StringValues.Empty, ConnectionRefusal.Token("INVALID_TOKEN", StatusCodes.Status401Unauthorized,
                $"payload.{name} must be a string holding the token: \"<JWT>\" or \"Bearer <JWT>\"."));
        }

        // A JWT holds no spaces: "Basic abc" is another scheme, answered as over HTTP rather than as a broken JWT.
        return token.Any(char.IsWhiteSpace)
            ? (StringValues.Empty, ConnectionRefusal.Token("INVALID_AUTHORIZATION", StatusCodes.Status401Unauthorized,
                $"payload.{name}: only bearer tokens are accepted: send \"Bearer <JWT>\" or the token alone."))
            : ("Bearer " + token, null);
    }

    /// <summary>When a token the resolver already validated stops being valid (its <c>exp</c>).</summary>
    public static DateTimeOffset? ExpiresAt(string token)
    {
        try
        {
            var validTo = new JsonWebToken(token).ValidTo;
            return validTo == DateTime.MinValue ? null : new DateTimeOffset(validTo, TimeSpan.Zero);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
