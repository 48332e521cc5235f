using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Infrastructure.WebSockets;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Changes;

/// <summary>
/// <c>subscription { changes(after, kinds) }</c>: the change feed pushed over WebSocket (graphql-transport-ws) —
/// the same events, contract and row scope as the <c>changes</c> query, each with its cursor, from the cursor given
/// (or from now), then as they are committed. A client that reconnects subscribes again from the last cursor it
/// processed and misses nothing.
/// </summary>
public static class ChangeSubscriptions
{
    public static void AddTo(SubscriptionType subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var kinds = ChangeKinds.ReadableBy(subscription.Contract);
        if (kinds.Count == 0)
        {
            return;
        }

        subscription.Field<NonNullGraphType<ChangeEventType>>(FieldGroup.Structure, "changes")
            .Description("Changes (变更) you may see, pushed as they are committed, each with its cursor: the same "
                + "events as the changes query. From 'after' when given (events already committed after it come "
                + "first), else from now. On reconnecting, subscribe again with the last cursor you processed.")
            .Argument<StringGraphType>("after", "The cursor of the last event you processed; omit to start from now.")
            .Argument<ListGraphType<NonNullGraphType<ChangeKindType>>>(
                "kinds", "Only these kinds; omitted or null: every kind you may read.")
            .ResolveStreamAsync(async c => await StreamAsync(c));
    }

    private static async Task<IObservable<object?>> StreamAsync(IResolveFieldContext c) =>
        new ChangeStream(
            c.RequestServices!.GetRequiredService<IServiceScopeFactory>(),
            c.RequestServices!.GetRequiredService<ChangeSignal>(),
            c.RequestServices!.GetRequiredService<ChangeReadGate>(),
            await ChangeQueries.RequestAsync(c, ChangeStream.PageSize, fromHead: true),
            TimeSpan.FromSeconds(c.RequestServices!
                .GetRequiredService<IOptions<GraphQLWebSocketOptions>>().Value.ChangePollSeconds),
            c.CancellationToken,
            (c.UserContext as GraphQLUserContext)?.EventBacklog);
}

/// <summary>The root subscription type of a contract that may read at least one kind of change.</summary>
public sealed class SubscriptionType : ContractObjectGraphType<object>
{
    public SubscriptionType(SchemaContract contract)
        : base(contract)
    {
        Name = "Subscription";
        Description = "Pushed over WebSocket with the graphql-transport-ws protocol (the graphql-ws library).";
        ChangeSubscriptions.AddTo(this);
    }
}
