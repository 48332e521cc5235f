using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Limits;

/// <summary>
/// A query stopped at the deadline was always told to ask for smaller pages; with the database stalled, that is what
/// every small query heard (the ops probe). A query well within its caller's cost budget is told that the server or
/// its database was slow, and to retry; a large one still to ask for less.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class SlowDatabaseTimeoutTests(GraphServerFactory factory)
{
    [Fact]
    public async Task A_small_query_stopped_by_a_slow_database_is_not_told_to_ask_for_less()
    {
        using var server = new LimitedServer(factory, new Dictionary<string, string>
        {
            ["GraphQL:Limits:ExecutionTimeoutMs"] = "300",
        }, s => s.AddSingleton<IInterceptor>(new SlowEnterpriseReads()));
        var client = server.ClientFor("samr-jiaxing");

        var small = await client.PostAsync("{ enterprises(first: 2) { items { name } } }");
        var large = await client.PostAsync("{ enterprises(first: 400) { items { name products { name } "
            + "classHistory { class } inspections(limit: 2) { passed } } } }");

        Assert.Equal("QUERY_TIMEOUT", small.FirstErrorCode);
        Assert.Contains("although it is small (estimated", small.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Contains("the server or its database was slow", small.FirstErrorMessage, StringComparison.Ordinal);
        // Not "not your query": a query dearer than its estimate times out the same way (the cost probe).
        Assert.Contains("if the same query times out again, it is dearer than its estimate", small.FirstErrorMessage,
            StringComparison.Ordinal);
        Assert.DoesNotContain("smaller pages", small.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Equal("QUERY_TIMEOUT", large.FirstErrorCode);
        Assert.Contains("smaller pages", large.FirstErrorMessage, StringComparison.Ordinal);
    }

    /// <summary>Holds every read of the enterprises for two seconds, as a stalled database would.</summary>
    private sealed class SlowEnterpriseReads : DbCommandInterceptor
    {
        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("FROM \"Enterprises\"", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }

            return result;
        }
    }
}
