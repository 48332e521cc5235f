namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>A request the transport refuses before GraphQL sees it, with the HTTP status and a stable error code.</summary>
internal sealed record RequestError(int Status, string Code, string Message)
{
    public static RequestError BadRequest(string code, string message) => new(StatusCodes.Status400BadRequest, code, message);
}
