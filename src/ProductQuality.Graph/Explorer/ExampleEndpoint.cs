using ProductQuality.Graph.Access;
using ProductQuality.Graph.Infrastructure.Http;

namespace ProductQuality.Graph.Explorer;

/// <summary>
/// <c>GET {path}/ide/examples</c>: the examples of the caller's contract, which the IDE opens as tabs.
/// </summary>
internal static class ExampleEndpoint
{
    public static async Task HandleAsync(HttpContext http, IAudienceResolver audiences, ExampleCatalogue examples)
    {
        var (audience, refusal) = await audiences.ResolveAsync(http);
        if (audience is null)
        {
            await TransportErrorWriter.WriteAsync(http, refusal!.ChallengeOn(http.Response), MediaTypes.Json);
            return;
        }

        http.Response.Headers.CacheControl = "private, no-cache";
        http.Response.Headers.Vary = "Authorization";
        var contract = audience.Contract.Name;
        await http.Response.WriteAsJsonAsync(
            new
            {
                contract,
                examples = examples.For(contract).Select(e => new { e.Name, e.Title, e.Query, e.Variables }),
            },
            http.RequestAborted);
    }
}
