using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace ProductQuality.Graph.Infrastructure.Listening;

/// <summary>
/// Kestrel, with what it throws while it starts — binding the addresses — wrapped as a
/// <see cref="ListenFailureException"/> naming them: so the failure is told from any other start failure (a socket
/// error is not the database's) and said in one sentence.
/// </summary>
internal sealed class ListeningServer(IServer server, IConfiguration settings) : IServer
{
    public IFeatureCollection Features => server.Features;

    /// <summary>Puts this in front of the server the builder registered (Kestrel); it owns and disposes it.</summary>
    public static void Wrap(IServiceCollection services)
    {
        var kestrel = services.LastOrDefault(d => d.ServiceType == typeof(IServer));
        if (kestrel is not { ImplementationType: { } type })
        {
            return;
        }

        services.Remove(kestrel);
        services.AddSingleton<IServer>(provider =>
            new ListeningServer((IServer)ActivatorUtilities.CreateInstance(provider, type),
                provider.GetRequiredService<IConfiguration>()));
    }

    public async Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull
    {
        // The addresses asked for: Kestrel replaces them with those it bound, which on failure are none. Its own
        // endpoints, when set, replace the urls: those are named, and where they are set.
        var endpoints = ListenSettings.KestrelEndpoints(settings);
        var addresses = endpoints.Count > 0
            ? endpoints.Select(e => e["Url"] ?? e.Path).ToList()
            : Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        try
        {
            await server.StartAsync(application, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ListenFailureException(addresses, e,
                endpoints.Count > 0 ? $"in {ListenSettings.KestrelEndpointsPath}" : ListenFailureException.UrlsRemedy);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => server.StopAsync(cancellationToken);

    public void Dispose() => server.Dispose();
}
