namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>Composition of GraphQL over WebSocket (graphql-transport-ws) at the GraphQL endpoint's path.</summary>
internal static class WebSocketRegistration
{
    public static void AddGraphQLWebSockets(this IHostApplicationBuilder builder)
    {
        builder.AddCheckedOptions<GraphQLWebSocketOptions>(GraphQLWebSocketOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<OperationRunner>();
        builder.Services.AddSingleton<GraphQLWebSocketEndpoint>();
    }
}
