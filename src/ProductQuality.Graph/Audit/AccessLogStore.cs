using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// Appends batches of entries to the chain, one transaction each: lock the head row (on PostgreSQL with the tables
/// the append writes, so nothing waits for a lock once an entry is sealed), number and hash the entries after it,
/// insert them with their codes, move the head, commit. The lock makes servers sharing a PostgreSQL database
/// append one after another; SQLite's write lock (taken when the transaction begins) does the same for processes
/// sharing a file. Appends use a plain connection, without the request pipeline's interceptors, and plain statements:
/// EF's change tracking would cost more than the rest of the append. On SQLite the connection is held between
/// batches with its statements prepared (<see cref="SqliteAppender"/>).
/// </summary>
/// <remarks>
/// The credit codes are most of the rows (a page of 100 enterprises adds 100, a bulk check thousands), so they take
/// each provider's cheapest path: on SQLite one statement per entry over its codes as a JSON array (<c>json_each</c>:
/// SQLite loops in C; a statement per code cost a managed bind, step and reset each, and multi-row statements of
/// 2,000 parameters were prepared anew every batch), on PostgreSQL one statement per batch over two array parameters
/// (<c>unnest</c>: one round trip whatever the count). The writer is one loop serving every request, so its cost
/// per code bounds the throughput of pages and bulk checks.
/// </remarks>
public sealed class AccessLogStore(IOptions<DatabaseOptions> database, IServiceProvider services)
    : IAsyncDisposable, IDisposable
{
    // The head row under a row lock: a second server's append waits here until this one commits.
    internal const string ReadHead = """SELECT "Seq", "Hash" FROM "AccessLogHeads" WHERE "Id" = 1""";
    // PostgreSQL: the locks the rest of the append needs, taken with the head's in one round trip before any entry
    // is sealed. Taken by the INSERTs themselves, a batch held by an outside lock (psql's LOCK TABLE "AccessLog")
    // waited after sealing: its requests gave up (503) and were stored as answered, with their codes, plus a
    // correcting entry that whoAccessed does not read. Waiting here, they are stored as the refusals they were.
    // The head's table too: a SHARE lock on it lets FOR UPDATE through and stops the head's UPDATE.
    private const string LockForAppend = """
        LOCK TABLE "AccessLog", "AccessLogCodes", "AccessLogHeads" IN ROW EXCLUSIVE MODE;
        """;
    private const string LockForSettling = """
        LOCK TABLE "AccessLog", "AccessLogCodes", "AccessLogHeads", "UnloggedWrites" IN ROW EXCLUSIVE MODE;
        """;
    internal const string MoveHead = """UPDATE "AccessLogHeads" SET "Seq" = @seq, "Hash" = @hash WHERE "Id" = 1""";
    internal const int EntryColumnCount = 18;
    internal const string EntryColumns = """
        INSERT INTO "AccessLog" ("Seq", "AtUtc", "RequestId", "Department", "Subject", "ClientAddress",
        "OperationName", "DocumentSha256", "VariablesSha256", "FieldGroups", "Purpose", "Outcome", "Status",
        "ErrorCode", "DurationMicroseconds", "CodeCount", "PreviousHash", "Hash") VALUES
        """;

    internal const string InsertCodesJson = """
        INSERT INTO "AccessLogCodes" ("EntrySeq", "CreditCode") SELECT @seq, value FROM json_each(@codes)
        """;
    private const string InsertCodeArrays = """
        INSERT INTO "AccessLogCodes" ("EntrySeq", "CreditCode") SELECT * FROM unnest(@seqs, @codes)
        """;

    // The writes the entries account for are no longer unlogged (UnloggedWrite): deleted in the entries' transaction.
    internal const string SettleUnloggedWrite = """DELETE FROM "UnloggedWrites" WHERE "Id" = @id""";
    private const string SettleUnloggedWrites = """DELETE FROM "UnloggedWrites" WHERE "Id" = ANY(@ids)""";

    private const int EntriesPerStatement = 100;

    private SqliteAppender? _sqlite;
    private readonly Lazy<Func<ProductQualityDbContext>> _contexts = new(() => Contexts(database.Value, services));
    private readonly Lazy<string> _sqliteConnectionString = new(() =>
        new SqliteConnectionStringBuilder(database.Value.ConnectionString) { ForeignKeys = true }.ToString());

    public ProductQualityDbContext CreateContext() => _contexts.Value();

    public bool IsPostgres => database.Value.Provider == DatabaseProvider.Postgres;

    /// <summary>Appends the entries in one transaction, in order, after the chain's head.</summary>
    public Task AppendAsync(IReadOnlyList<AccessLogEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return Task.CompletedTask;
        }

        return IsPostgres
            ? AppendOnPostgresAsync(entries, cancellationToken)
            : Sqlite().AppendAsync(entries, cancellationToken);
    }

    // Created on first use; a second one made by a racing first call is dropped before it opens anything.
    private SqliteAppender Sqlite() => LazyInitializer.EnsureInitialized(ref _sqlite, () => new(OpenConnectionAsync));

    public async ValueTask DisposeAsync()
    {
        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
        }
    }

    // A host disposed synchronously (the CLI verbs') disposes its singletons so; SQLite closes synchronously anyway.
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    // PostgreSQL: a pooled connection per batch (Npgsql keeps the prepared statements with the physical connection).
    private async Task AppendOnPostgresAsync(IReadOnlyList<AccessLogEntry> entries, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var settles = entries.Any(e => e.SettlesUnloggedWrites.Count > 0);
        var locks = settles ? LockForSettling : LockForAppend;
        await using (var read = Command(connection, tx, locks + "\n" + ReadHead + " FOR UPDATE"))
        {
            var (head, headHash) = await ReadHeadAsync(read, cancellationToken);
            Link(entries, head, headHash);
        }

        foreach (var chunk in entries.Chunk(EntriesPerStatement))
        {
            await ExecuteAsync(connection, tx, EntryColumns, chunk, Values, cancellationToken);
        }

        if (entries.Any(e => e.Codes.Count > 0))
        {
            await InsertCodeArraysAsync(connection, tx, entries, cancellationToken);
        }

        if (settles)
        {
            long[] settled = [.. entries.SelectMany(e => e.SettlesUnloggedWrites)];
            await using var settle = Command(connection, tx, SettleUnloggedWrites, ("@ids", settled));
            await settle.ExecuteNonQueryAsync(cancellationToken);
        }

        var last = entries[^1];
        await using (var move = Command(connection, tx, MoveHead, ("@seq", last.Seq), ("@hash", last.Hash)))
        {
            await move.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>Numbers the entries after the head and links each to the one before; returns the new head.</summary>
    internal static (long Seq, string Hash) Link(IReadOnlyList<AccessLogEntry> entries, long seq, string hash)
    {
        foreach (var entry in entries)
        {
            // From here what the entry says is what this transaction stores (a request that gave up before: its 503).
            entry.Seal();
            entry.Seq = seq + 1;
            entry.PreviousHash = hash;
            var content = entry.PrecomputedContentHash
                ?? AccessChain.ContentHash(entry, entry.Codes.Select(c => c.CreditCode));
            entry.Hash = AccessChain.Link(entry.Seq, hash, content);
            (seq, hash) = (entry.Seq, entry.Hash);
        }

        return (seq, hash);
    }

    /// <summary>An open plain connection to the log's database, ready for a write transaction.</summary>
    // A plain connection from the provider's pool: a DbContext per batch set up EF's internal services for nothing.
    // SQLite's foreign keys are switched on as EF does on the connections it opens, and its busy timeout is set
    // (see SqliteBusyTimeout: without it, meeting another writer cost every request of the batch 150 ms).
    // It is one of this server's connections to DatabaseLocks, as EF's are through the interceptor: a request's write
    // waiting behind the log's batch waits for this server's own work, not for a lock another session holds.
    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = IsPostgres
            ? new NpgsqlConnection(services.GetRequiredService<PostgresConnectionString>().Value)
            : new SqliteConnection(_sqliteConnectionString.Value);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await SqliteBusyTimeout.ApplyAsync(connection, cancellationToken);
            if (services.GetService<DatabaseLocks>() is { } locks)
            {
                locks.Opened(connection);
                connection.StateChange += (_, change) =>
                {
                    if (change.CurrentState == System.Data.ConnectionState.Closed)
                    {
                        locks.Closing(connection);
                    }
                };
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    internal static async Task<(long Seq, string Hash)> ReadHeadAsync(DbCommand read, CancellationToken ct)
    {
        await using var reader = await read.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? (reader.GetInt64(0), reader.GetString(1))
            : throw new InvalidOperationException("The access log's head row is missing: the migrations insert it.");
    }

    private static async Task InsertCodeArraysAsync(
        DbConnection connection, DbTransaction tx, IReadOnlyList<AccessLogEntry> entries, CancellationToken ct)
    {
        var count = entries.Sum(e => e.Codes.Count);
        var seqs = new long[count];
        var codes = new string[count];
        var i = 0;
        foreach (var entry in entries)
        {
            foreach (var c in entry.Codes)
            {
                (seqs[i], codes[i]) = (entry.Seq, c.CreditCode);
                i++;
            }
        }

        await using var insert = Command(connection, tx, InsertCodeArrays, ("@seqs", seqs), ("@codes", codes));
        await insert.ExecuteNonQueryAsync(ct);
    }

    internal static object?[] Values(AccessLogEntry e) =>
    [
        e.Seq, DateTime.SpecifyKind(e.AtUtc, DateTimeKind.Utc), e.RequestId, e.Department, e.Subject,
        e.ClientAddress, e.OperationName, e.DocumentSha256, e.VariablesSha256, e.FieldGroups, e.Purpose,
        e.Outcome.ToString(), e.Status, e.ErrorCode, e.DurationMicroseconds, e.CodeCount, e.PreviousHash, e.Hash,
    ];

    // One multi-row INSERT: "… VALUES (@p0, @p1, …), (…)", every value a parameter.
    private static async Task ExecuteAsync<T>(DbConnection connection, DbTransaction tx, string insert,
        T[] rows, Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, tx, "");
        var sql = new System.Text.StringBuilder(insert);
        var n = 0;
        for (var r = 0; r < rows.Length; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            var row = values(rows[r]);
            for (var v = 0; v < row.Length; v++)
            {
                var name = "@p" + n++.ToString(System.Globalization.CultureInfo.InvariantCulture);
                sql.Append(v == 0 ? name : ", " + name);
                Add(command, name, row[v]);
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A command with its parameters (the code indexer's and the SQLite appender's too); the transaction may
    /// be set later, as the appender does for each batch.</summary>
    internal static DbCommand Command(DbConnection connection, DbTransaction? tx, string sql,
        params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        return command;
    }

    internal static DbParameter Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    // Without the request pipeline's interceptors (telemetry's, a test's stalled database), but with the one that
    // tells DatabaseLocks which connections are this server's: the archiver holds a write transaction on SQLite while
    // it writes its files, and a request's write waiting behind it was judged to wait for another session (503).
    private static Func<ProductQualityDbContext> Contexts(DatabaseOptions options, IServiceProvider services)
    {
        var own = services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()
            .OfType<DatabaseWaitInterceptor>().ToArray();
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                var postgres = new DbContextOptionsBuilder<PostgresProductQualityDbContext>()
                    .UseNpgsql(services.GetRequiredService<PostgresConnectionString>().Value)
                    .AddInterceptors(own).Options;
                return () => new PostgresProductQualityDbContext(postgres);
            default:
                var sqlite = new DbContextOptionsBuilder<SqliteProductQualityDbContext>()
                    .UseSqlite(options.ConnectionString)
                    .AddInterceptors(own)
                    .AddInterceptors(SqliteBusyTimeout.Interceptor.Instance).Options;
                return () => new SqliteProductQualityDbContext(sqlite);
        }
    }
}
