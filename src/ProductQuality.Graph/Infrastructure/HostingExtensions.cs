using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Access.Tokens;
using ProductQuality.Graph.Infrastructure.Http;

namespace ProductQuality.Graph.Infrastructure;

/// <summary>
/// Small start-up conveniences: checking the settings early, and telling the developer where to go. (Where the server
/// listens: <see cref="Listening.ListenSettings"/>.)
/// </summary>
public static class HostingExtensions
{
    /// <summary>
    /// Runs every options validation registered with ValidateOnStart now, before the database is migrated or seeded:
    /// a setting out of range stops the process (exit code 3) before it changes anything.
    /// </summary>
    public static void ValidateSettings(this IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        host.Services.GetService<IStartupValidator>()?.Validate();
    }

    public static void AnnounceEndpointOnStart(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var path = app.Services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.Path;
            var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses
                ?? [];
            foreach (var address in addresses)
            {
                var root = address.TrimEnd('/');
                app.Logger.LogInformation("ProductQuality.Graph is ready: send GraphQL to {Endpoint} (GET or POST "
                    + "application/json); open {Ide} in a browser for the IDE, {Map} for the four-colour map.",
                    root + path, root + path, root + "/map");
            }
        });

    /// <summary>
    /// Without <c>Auth:Authority</c> tokens are signed and checked with the local development key: fine on a
    /// developer's machine, a hazard anywhere else (anyone holding the key file mints any department). Say so loudly.
    /// </summary>
    public static void WarnWhenTheDevelopmentKeySignsOutsideDevelopment(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<TokenOptions>>().Value.IsDevelopmentMode
            && !app.Environment.IsDevelopment())
        {
            app.Logger.LogWarning(
                "Tokens are signed and checked with the local development key in the '{Environment}' environment: " +
                "anyone who can read the key can act as any department. Set Auth:Authority (with Auth:Issuer and " +
                "Auth:Audience) to validate your identity provider's tokens, or run with " +
                "ASPNETCORE_ENVIRONMENT=Development on a developer's machine.", app.Environment.EnvironmentName);
        }

        // Production without the enterprise token key: the data tracker's enterprise tokens are off. Say why.
        if (!app.Services.GetRequiredService<Access.EnterpriseTokens.EnterpriseTokenIssuer>().Available)
        {
            app.Logger.LogWarning("Enterprise tokens (the data tracker) are neither issued nor accepted: " +
                "Auth:Authority is set and Access:EnterpriseTokens:SigningKey is not.");
        }
    }
}
