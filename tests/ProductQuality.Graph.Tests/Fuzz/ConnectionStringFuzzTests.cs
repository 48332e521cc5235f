using System.ComponentModel;
using System.Reflection;
using Npgsql;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure;
using Xunit.Abstractions;

namespace ProductQuality.Graph.Tests.Fuzz;

/// <summary>
/// A PostgreSQL connection string is configuration an operator types: every keyword Npgsql knows, given seeded
/// hostile values (numbers past their range, words, NUL, 1,000 characters), alone and several at once. Either the
/// start's check refuses it with one sentence naming the keyword, or a connection made with it fails in a way the
/// start says in sentences (<see cref="StartupFailure"/>): a port past 65535 and an empty Host passed the check and
/// crashed the start and every verb with a stack trace (the fuzz probe). The server is a closed port on this machine,
/// so nothing is reached.
/// </summary>
public sealed class ConnectionStringFuzzTests(ITestOutputHelper output)
{
    private const int Cases = 400;

    private static readonly string[] Values =
    [
        "", " ", "-1", "0", "1", "2", "1024", "1025", "65535", "65536", "99999", "2147483648", "99999999999999999999",
        "1.5", "abc", "true", "false", "maybe", "Require", "Disable", "Prefer", "VerifyFull", "Any", "Primary",
        "\u0000", "x\u0000y", new string('x', 1_000), "长春", "'quoted'", "a=b", "/dev/null", "/tmp", "NaN",
    ];

    // Where the connection goes: nothing listens on port 1 here, and a socket folder that does not exist.
    // A port may be written into Host too (the re-probe's 'h:abc' crashed the start).
    private static readonly string[] Hosts =
    [
        "127.0.0.1", "localhost", "", " ", "/tmp/pq-no-such-socket-folder", "127.0.0.1:abc", "127.0.0.1:70000",
        "127.0.0.1:0", "127.0.0.1:1", "[::1]:1", "127.0.0.1,127.0.0.1:99999",
    ];

    private static readonly string[] Skipped =
    [
        "Host", "Server", "Port", "Timeout", "Passfile", "Root Certificate", "SSL Certificate", "SSL Key",
        "SSL Password", "Password",
    ];

    [Fact]
    public async Task Any_connection_string_is_refused_in_a_sentence_or_fails_to_connect_in_one()
    {
        var keywords = typeof(NpgsqlConnectionStringBuilder).GetProperties()
            .Select(p => p.GetCustomAttribute<DisplayNameAttribute>()?.DisplayName).OfType<string>()
            .Where(k => !Skipped.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        Assert.True(keywords.Count > 40, $"only {keywords.Count} keywords");
        var random = new Random(20261206);
        var (refused, failed, unsaid) = (0, 0, new List<string>());
        for (var i = 0; i < Cases; i++)
        {
            var parts = Enumerable.Range(0, 1 + (i % 3))
                .Select(_ => $"{keywords[random.Next(keywords.Count)]}={Quote(Values[random.Next(Values.Length)])}");
            var port = random.Next(4) switch { 0 => "1", 1 => Values[random.Next(Values.Length)], _ => "1" };
            var connectionString = $"Host={Quote(Hosts[random.Next(Hosts.Length)])};Port={Quote(port)};"
                + $"Username=pq;Database=pq;Timeout=2;{string.Join(';', parts)}";

            var check = new ConnectionStringValidation().Validate(null,
                new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString });
            if (check.Failed)
            {
                refused++;
                var sentence = Assert.Single(check.Failures!);
                Assert.StartsWith("Setting Database:ConnectionString ", sentence, StringComparison.Ordinal);
                Assert.DoesNotContain("(Parameter", sentence, StringComparison.Ordinal);
                continue;
            }

            if (await ConnectAsync(connectionString) is { } failure)
            {
                failed++;
                if (StartupFailure.Sentences(failure) is not { Count: > 0 })
                {
                    unsaid.Add($"{connectionString.Replace("\0", "\\0", StringComparison.Ordinal)}: "
                        + $"{failure.GetType().Name}: {failure.Message}");
                }
            }
        }

        output.WriteLine($"{Cases} connection strings: {refused} refused by the check, {failed} failed to connect.");
        Assert.True(unsaid.Count == 0, $"{unsaid.Count} failures the start cannot say:\n{string.Join('\n', unsaid)}");
        Assert.InRange(refused, Cases / 10, Cases - 1);
    }

    // A value with a separator or quote in it is quoted, as the connection string's grammar asks.
    private static string Quote(string value) =>
        value.IndexOfAny([';', '=', '\'', '"', ' ']) >= 0 || value.Length == 0
            ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : value;

    private static async Task<Exception?> ConnectAsync(string connectionString)
    {
        try
        {
            await using var source = new NpgsqlDataSourceBuilder(connectionString).Build();
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await using var connection = await source.OpenConnectionAsync(cancel.Token);
            return null;
        }
#pragma warning disable CA1031 // Whatever the driver throws is the property's to judge.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e;
        }
    }
}
