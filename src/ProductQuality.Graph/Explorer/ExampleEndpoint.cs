using ProductQuality.Graph.Access;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure.Http;

namespace ProductQuality.Graph.Explorer;

/// <summary>
/// <c>GET {path}/ide/examples</c>: the examples of the caller's contract, which the IDE opens as tabs; a county
/// bureau's about enterprises of its own county (<see cref="CountyExampleVariables"/>).
/// </summary>
internal static class ExampleEndpoint
{
    public static async Task HandleAsync(
        HttpContext http, IAudienceResolver audiences, ExampleCatalogue examples, ProductQualityDbContext db)
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
        var served = new List<object>();
        var county = audience.Rows.County is { } code ? new CountyExampleVariables(db, code) : null;
        foreach (var example in examples.For(contract).Where(e => county is null || !e.CityOnly))
        {
            var variables = county is null
                ? example.Variables
                : await county.AdaptAsync(example.Variables, http.RequestAborted);
            served.Add(new { example.Name, example.Title, example.Query, Variables = variables });
        }

        await http.Response.WriteAsJsonAsync(new { contract, examples = served }, http.RequestAborted);
    }
}
