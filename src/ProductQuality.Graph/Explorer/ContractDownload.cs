using System.Collections.Concurrent;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Infrastructure.Http;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Explorer;

/// <summary>
/// <c>GET {path}/schema.graphql</c>: the caller's own contract as SDL, decided by its token exactly as a query is,
/// printed as the files under <c>schema/contracts/</c> are. A partner feeds it to code generators without the
/// repository and without introspection.
/// </summary>
internal sealed class ContractDownload(SchemaRegistry schemas, IAudienceResolver audiences)
{
    private readonly ConcurrentDictionary<string, string> _printed = new(StringComparer.Ordinal);

    public async Task HandleAsync(HttpContext http)
    {
        var (audience, refusal) = await audiences.ResolveAsync(http);
        if (audience is null)
        {
            await TransportErrorWriter.WriteAsync(http, refusal!.ChallengeOn(http.Response), MediaTypes.Json);
            return;
        }

        var contract = audience.Contract;
        var sdl = _printed.GetOrAdd(contract.Name, _ => SchemaFiles.Print(schemas.For(contract)));
        http.Response.ContentType = "text/plain; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"inline; filename=\"{contract.Name}.graphql\"";
        // The answer depends on the token: shared caches must not hand one department's contract to another.
        http.Response.Headers.CacheControl = "private, no-cache";
        http.Response.Headers.Vary = "Authorization";
        await http.Response.WriteAsync(sdl, http.RequestAborted);
    }
}
