using Microsoft.Extensions.Logging;
using ProductQuality.Graph.Infrastructure;
using ProductQuality.Graph.Infrastructure.Listening;
using ProductQuality.Graph.Tests.Operations;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// An address that reads well but cannot be bound — another process holds it, no interface of this machine has it —
/// stops the start with exit code 3 and one sentence, not the host's 18-line stack trace first, and is not blamed on
/// the database (a socket error was once read as "PostgreSQL: Cannot assign requested address").
/// </summary>
public sealed class ListenFailureTests
{
    [Fact]
    public async Task An_address_in_use_is_said_so_not_blamed_on_the_database()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        var error = await RefusedAsync($"http://127.0.0.1:{port}");

        Assert.Contains($"Failed to bind to address http://127.0.0.1:{port}: address already in use: another process "
            + "listens there.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_no_interface_has_is_said_so_not_blamed_on_the_database()
    {
        // 192.0.2.0/24 is set aside for documentation (RFC 5737): no machine running the tests has it.
        var error = await RefusedAsync("http://192.0.2.1:5398");

        Assert.Contains("The server could not listen on 'http://192.0.2.1:5398' (Cannot assign requested address): "
            + "no network interface of this machine has that address.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Kestrel_endpoint_that_cannot_be_bound_is_named_where_it_is_set()
    {
        var error = await RefusedAsync("--Kestrel:Endpoints:Api:Url=http://192.0.2.1:5398");

        Assert.Contains("The server could not listen on 'http://192.0.2.1:5398' (Cannot assign requested address)",
            error, StringComparison.Ordinal);
        Assert.Contains("in Kestrel:Endpoints", error, StringComparison.Ordinal);
        Assert.DoesNotContain("localhost:5080", error, StringComparison.Ordinal);
        Assert.DoesNotContain("--urls", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_log_keeps_every_entry_but_a_listen_failure()
    {
        using var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var log = new HostLogWithoutListenFailures<ListenFailureTests>(factory);

        log.LogError(new InvalidOperationException("a hosted service failed"), "Hosting failed to start");
        log.LogError(new ListenFailureException(["http://127.0.0.1:1"], new IOException("taken")), "Hosting failed");
        log.LogInformation("Hosting started");

        Assert.Equal(["Hosting failed to start", "Hosting started"], logs.Entries.Select(e => e.Message));
        Assert.All(logs.Entries, e => Assert.Equal(typeof(ListenFailureTests).FullName, e.Category));
    }

    /// <param name="address">An address for --urls, or a whole argument (--Kestrel:…=…).</param>
    private static async Task<string> RefusedAsync(string address)
    {
        using var process = new VerbProcess { Timeout = TimeSpan.FromSeconds(90) };
        string[] where = address.StartsWith("--", StringComparison.Ordinal) ? [address] : ["--urls", address];
        var (code, log, error) = await process.RunAsync(
            [.. where, "--Database:SeedWhenEmpty=false", "--Maintenance:Enabled=false"]);

        Assert.True(code == StartupFailure.ExitCode, $"exit {code}: {error}");
        Assert.DoesNotContain("database could not be opened", error, StringComparison.Ordinal);
        // The log (standard output) holds the start's other entries, and not the host's on this failure.
        Assert.Contains("Daily re-evaluation is off", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting failed to start", log, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", log + error, StringComparison.Ordinal);
        return error;
    }
}
