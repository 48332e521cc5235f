using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Audit.Retention;
using ProductQuality.Graph.Infrastructure;
using ProductQuality.Graph.Infrastructure.Clock;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit.Retention;

/// <summary>
/// A migrated SQLite file with an empty access log, an archive folder, and the server's composition over them as
/// the verbs build it (same settings: 3 days' retention, 4 entries per file, today pinned to <see cref="Today"/>).
/// Entries are appended through the real store with chosen times, three a day from <see cref="FirstDay"/>; a
/// cut-off 3 days before <see cref="Today"/> (2026-01-06 00:00 China Standard Time) expires the first 15. Each lab
/// is a database of its own: its chain id (the archive folder's mark) is its own, whatever the template archived.
/// </summary>
public sealed class ArchiveLab : IDisposable
{
    public static readonly DateOnly FirstDay = new(2026, 1, 1);
    public static readonly DateOnly Today = new(2026, 1, 9);
    public const int Expired = 15;

    private readonly VerbProcess _verb = new();
    private readonly List<IHost> _hosts = [];
    private int _appended;

    // A seeded enterprise's code, which half the entries return (the other code is no enterprise's).
    private readonly string _known;

    public ArchiveLab(string template)
    {
        Database = Path.Combine(Folder, "lab.db");
        Archive = Path.Combine(Folder, "archive");
        Execute(template, $"VACUUM INTO '{Database}'");
        Execute(Database, """
            DELETE FROM "AccessLogCodeIndex"; DELETE FROM "AccessLogCountyIndex";
            UPDATE "AccessLogCodeIndexMarks" SET "IndexedThroughSeq" = 0;
            DELETE FROM "AccessLogCodes"; DELETE FROM "AccessLog";
            DELETE FROM "DatabaseSecrets" WHERE "Name" = 'access-log-chain-id';
            """ + $"""UPDATE "AccessLogHeads" SET "Seq" = 0, "Hash" = '{AccessChain.Genesis}'""");
        Services = HostFor(Database).Services;
        using var connection = Open(Database);
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT "CreditCode" FROM "Enterprises" ORDER BY "Id" LIMIT 1""";
        _known = (string)command.ExecuteScalar()!;
    }

    /// <summary>Begins every entry's request id: another prefix makes another chain of the same shape.</summary>
    public string RequestIdPrefix { get; init; } = "lab-";

    public string Folder => _verb.Folder;

    public string Database { get; }

    public string Archive { get; }

    public IServiceProvider Services { get; }

    public IReadOnlyList<ArchiveFile> Files => ArchiveFile.In(Archive);

    /// <summary>The settings the verbs and the in-process composition share.</summary>
    public string[] Settings(string database) =>
    [
        $"--Database:ConnectionString=Data Source={database};Pooling=False",
        "--AccessLog:Retention:Days=3", $"--AccessLog:Retention:Folder={Archive}", "--AccessLog:Retention:BatchSize=4",
        $"--Clock:Today={Today:yyyy-MM-dd}",
    ];

    /// <summary>The composition over another database file (a copy), with the same archive folder.</summary>
    public IHost HostFor(string database)
    {
        var host = CommandLine.BuildHost(Settings(database));
        _hosts.Add(host);
        return host;
    }

    /// <summary>Appends <paramref name="count"/> entries, three a day from <see cref="FirstDay"/> on (continuing
    /// from the entries already there), every other one with credit codes and a purpose in Chinese.</summary>
    public async Task AppendAsync(int count)
    {
        var entries = Enumerable.Range(_appended, count).Select(Entry).ToList();
        await Services.GetRequiredService<AccessLogStore>().AppendAsync(entries, CancellationToken.None);
        _appended += count;
    }

    public Task<ChainVerification> VerifyAsync(IServiceProvider? services = null) =>
        (services ?? Services).GetRequiredService<ChainVerifier>().VerifyAsync(Archive);

    public Task<ArchiveRunSummary> ArchiveAsync(IServiceProvider? services = null) =>
        (services ?? Services).GetRequiredService<AccessLogArchiver>().RunAsync(null, CancellationToken.None);

    /// <summary>Runs <c>audit VERB</c> with the lab's settings; later options override them.</summary>
    public Task<(int ExitCode, string Out, string Error)> RunVerbAsync(params string[] args) =>
        _verb.RunAsync([.. args[..2], .. Settings(Database), .. args[2..]]);

    public string Copy(string name)
    {
        var copy = Path.Combine(Folder, name);
        Execute(Database, $"VACUUM INTO '{copy}'");
        return copy;
    }

    public long TableFirst()
    {
        using var connection = Open(Database);
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT COALESCE(MIN("Seq"), 0) FROM "AccessLog" """;
        return (long)command.ExecuteScalar()!;
    }

    public static void Execute(string database, string sql)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _hosts.ForEach(h => h.Dispose());
        _verb.Dispose();
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        return connection;
    }

    private AccessLogEntry Entry(int index)
    {
        var day = FirstDay.AddDays(index / 3);
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9 + (index % 3) * 4, 15, 30)),
            BureauClock.ChinaStandardTime).UtcDateTime.AddTicks(index * 17_0);
        var entry = new AccessLogEntry
        {
            AtUtc = AccessChain.Truncate(at),
            RequestId = RequestIdPrefix + index.ToString(CultureInfo.InvariantCulture),
            Department = index % 2 == 0 ? "finance" : "samr-330481",
            Subject = "官员 " + index.ToString(CultureInfo.InvariantCulture),
            ClientAddress = "10.0.0.7",
            OperationName = index % 3 == 0 ? null : "Status",
            DocumentSha256 = new string('a', 64),
            VariablesSha256 = index % 2 == 0 ? null : new string('b', 64),
            FieldGroups = "Identity,Assessment",
            Purpose = index % 2 == 0 ? "loan-review" : null,
            Outcome = index % 5 == 4 ? AccessOutcome.Limited : AccessOutcome.Ok,
            Status = index % 5 == 4 ? 429 : 200,
            ErrorCode = index % 5 == 4 ? "RATE_LIMITED" : null,
            DurationMicroseconds = 1_000 + index,
        };
        if (index % 2 == 0)
        {
            entry.Codes =
            [
                new() { CreditCode = _known }, new() { CreditCode = $"9133048170421{index:D4}X" },
            ];
        }

        entry.CodeCount = entry.Codes.Count;
        return entry;
    }
}
