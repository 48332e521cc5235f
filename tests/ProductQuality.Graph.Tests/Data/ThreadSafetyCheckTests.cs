using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.Limits;

namespace ProductQuality.Graph.Tests.Data;

/// <summary>
/// EF Core's check that a context serves one operation at a time costs every row read an async-local write, so a
/// server runs without it unless configured; the suite's servers run with it, so a context shared across operations
/// (a resolver's work started beside another's on the request's context) still fails a test.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ThreadSafetyCheckTests(GraphServerFactory factory)
{
    [Fact]
    public void A_server_runs_without_the_check_unless_configured() =>
        Assert.False(new DatabaseOptions().ThreadSafetyChecks);

    [Fact]
    public void The_suite_s_servers_run_with_the_check() => Assert.True(ChecksEnabled(factory.Services));

    [Fact]
    public void The_setting_turns_the_check_off()
    {
        using var server = new LimitedServer(factory, new Dictionary<string, string>
        {
            ["Database:ThreadSafetyChecks"] = "false",
        });

        Assert.False(ChecksEnabled(server.Services));
    }

    private static bool ChecksEnabled(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
        return db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.ThreadSafetyChecksEnabled;
    }
}
