using Microsoft.EntityFrameworkCore.Diagnostics;
using ProductQuality.Graph.Changes;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>Composition of GraphQL over WebSocket (graphql-transport-ws) at the GraphQL endpoint's path.</summary>
internal static class WebSocketRegistration
{
    public static void AddGraphQLWebSockets(this IHostApplicationBuilder builder)
    {
        builder.AddCheckedOptions<GraphQLWebSocketOptions>(GraphQLWebSocketOptions.Section)
            .ValidateSettingAnnotations(GraphQLWebSocketOptions.Section)
            .ValidateOnStart();
        builder.Services.AddSingleton<OperationRunner>();
        builder.Services.AddSingleton<GraphQLWebSocketEndpoint>();
        builder.Services.AddSingleton<OpenConnections>();
        builder.Services.AddSingleton<GoingAwayOnStop>();
        builder.Services.AddHostedService(services => services.GetRequiredService<GoingAwayOnStop>());

        // Pushing the change feed: wake subscriptions when a write commits here, and on PostgreSQL when another
        // server's does (LISTEN/NOTIFY).
        builder.Services.AddSingleton<ChangeSignal>();
        builder.Services.AddSingleton<ChangeReadGate>();
        builder.Services.AddScoped<ChangeHeadAtReceipt>();
        builder.Services.AddSingleton<IInterceptor, ChangeSignalInterceptor>();
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>();
        if (database?.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddHostedService<PostgresChangeListener>();
        }
    }
}
