using ProductQuality.Graph.Access;
using ProductQuality.Graph.Infrastructure.Http;

namespace ProductQuality.Graph.Explorer;

/// <summary>
/// <c>GET {path}/ide/session</c>: who the request's token signs in as, so the IDE can say so ("signed in as
/// finance, contract finance") before the first query. The same resolver as the endpoint decides: a bad token gets
/// the endpoint's 401 and reason, no token is the public.
/// </summary>
internal static class ExplorerSession
{
    public static async Task HandleAsync(
        HttpContext http, IAudienceResolver audiences, AccessPolicy policy, bool developmentSignIn)
    {
        var (audience, refusal) = await audiences.ResolveAsync(http);
        if (audience is null)
        {
            await TransportErrorWriter.WriteAsync(http, refusal!.ChallengeOn(http.Response), MediaTypes.Json);
            return;
        }

        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsJsonAsync(new SessionAnswer(
            audience.Department,
            audience.Contract.Name,
            audience.Rows.County,
            developmentSignIn ? [.. policy.Departments.Order(StringComparer.Ordinal)] : null), http.RequestAborted);
    }

    /// <param name="Department">Null for the public (no token).</param>
    /// <param name="County">The county a county bureau is limited to; null for city-wide readers.</param>
    /// <param name="DevelopmentDepartments">
    /// Departments the development sign-in can mint for; null outside Development.
    /// </param>
    private sealed record SessionAnswer(
        string? Department, string Contract, string? County, IReadOnlyList<string>? DevelopmentDepartments);
}
