using System.Data.Common;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Operations;

/// <summary>
/// Every log line written while a request runs — the framework's, EF Core's and ours — is in a scope whose
/// <c>RequestId</c> is the id in the response header and in the error body, so an operator finds all of a request's
/// lines from the id a partner reports.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class LogScopeTests(GraphServerFactory factory)
{
    [Fact]
    public async Task Every_line_of_a_failing_request_carries_the_id_of_its_header_and_error_body()
    {
        _ = factory.Services; // the shared server seeds the database first; this one reuses it
        var logs = new CapturedLogs();
        using var server = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Information");
            // EF's own line for the failed query is Debug (the resolver's error line is the one that counts).
            b.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Query", "Debug");
            b.ConfigureTestServices(s =>
            {
                s.AddSingleton<IInterceptor>(new FailingCatalogue());
                s.AddSingleton<ILoggerProvider>(logs);
            });
        });
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization =
            factory.ClientFor("samr-jiaxing").DefaultRequestHeaders.Authorization;
        client.DefaultRequestHeaders.Add("X-Request-Id", "scope-probe-0001");
        var reply = await client.PostAsync("{ productCategories { code } }");

        Assert.Equal("INTERNAL_ERROR", reply.FirstErrorCode);
        Assert.Equal("scope-probe-0001", Assert.Single(reply.Response.Headers.GetValues("X-Request-Id")));
        Assert.Equal("scope-probe-0001",
            reply.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("requestId").GetString());

        var during = logs.Entries.Where(e => e.Scope.ContainsKey("RequestPath")).ToList();
        Assert.Contains(during, e => e.Category.StartsWith("ProductQuality.Graph", StringComparison.Ordinal)
            && e.Level == LogLevel.Error);
        Assert.Contains(during, e => e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.Contains(during, e => e.Category == "Microsoft.AspNetCore.Hosting.Diagnostics");
        Assert.All(during, e => Assert.Equal("scope-probe-0001", e.RequestId));
    }

    /// <summary>Fails only reads of the catalogue, so start-up still succeeds.</summary>
    private sealed class FailingCatalogue : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("ProductCategories", StringComparison.Ordinal)
                ? throw new InvalidOperationException("injected database fault")
                : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
