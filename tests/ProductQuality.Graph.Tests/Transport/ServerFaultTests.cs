using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Transport;

/// <summary>
/// A true server fault (injected here: a failing database command, a failing identity step) answers a
/// GraphQL-shaped body with INTERNAL_ERROR and the request id, and is logged once, without the document.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ServerFaultTests(GraphServerFactory factory)
{
    private const string Marker = "fault-marker-in-the-document";

    [Fact]
    public async Task A_resolver_fault_is_internal_error_with_the_request_id_logged_once()
    {
        _ = factory.Services; // the shared server seeds the database first; the faulty one reuses it
        var logs = new LogSink();
        using var faulty = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<IInterceptor>(new FailingCommands());
            s.AddSingleton<ILoggerProvider>(logs);
        }));
        var client = faulty.CreateClient();
        client.DefaultRequestHeaders.Authorization = factory.ClientFor("samr-jiaxing")
            .DefaultRequestHeaders.Authorization;
        var reply = await client.PostAsync($"{{ productCategories {{ code }} }} # {Marker}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var error = reply.Json.GetProperty("errors")[0];
        Assert.Equal("INTERNAL_ERROR", reply.FirstErrorCode);
        var requestId = error.GetProperty("extensions").GetProperty("requestId").GetString()!;
        Assert.Contains(requestId, reply.FirstErrorMessage, StringComparison.Ordinal);
        CleanAnswerWithoutInternalCheck(reply);

        var entry = Assert.Single(logs.Errors);
        Assert.Contains(requestId, entry, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, entry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fault_outside_graphql_is_a_500_with_a_graphql_shaped_body()
    {
        _ = factory.Services; // the shared server seeds the database first; the faulty one reuses it
        var logs = new LogSink();
        using var faulty = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<IAudienceResolver, ThrowingResolver>();
            s.AddSingleton<ILoggerProvider>(logs);
        }));
        var reply = await faulty.CreateClient().PostAsync($"{{ __typename }} # {Marker}");

        Assert.Equal(HttpStatusCode.InternalServerError, reply.Status);
        Assert.Equal("INTERNAL_ERROR", reply.FirstErrorCode);
        var requestId = reply.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("requestId")
            .GetString()!;
        CleanAnswerWithoutInternalCheck(reply);
        var entry = Assert.Single(logs.Errors);
        Assert.Contains(requestId, entry, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, entry, StringComparison.Ordinal);
    }

    /// <summary>The house rule minus the 5xx and INTERNAL_ERROR checks, which these faults are meant to
    /// produce.</summary>
    private static void CleanAnswerWithoutInternalCheck(GraphQLReply reply)
    {
        Assert.DoesNotContain("Exception", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", reply.Body, StringComparison.Ordinal);
    }

    /// <summary>Fails only reads of the catalogue, so start-up (migrations, the seed check) still succeeds.</summary>
    private sealed class FailingCommands : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("ProductCategories", StringComparison.Ordinal)
                ? throw new InvalidOperationException("injected database fault")
                : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    private sealed class ThrowingResolver : IAudienceResolver
    {
        public Task<(Audience? Audience, AuthRefusal? Refusal)> ResolveAsync(HttpContext http) =>
            throw new InvalidOperationException("injected identity fault");
    }

    /// <summary>Error entries of the server's own loggers (EF Core logs its failed command separately).</summary>
    private sealed class LogSink : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _errors = new();

        public IReadOnlyCollection<string> Errors => _errors;

        public ILogger CreateLogger(string categoryName) => new Sink(categoryName.StartsWith("ProductQuality.Graph",
            StringComparison.Ordinal)
            ? _errors : null);

        public void Dispose()
        {
        }

        private sealed class Sink(ConcurrentQueue<string>? errors) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => errors is not null && logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    errors!.Enqueue(formatter(state, exception) + " " + exception);
                }
            }
        }
    }
}
