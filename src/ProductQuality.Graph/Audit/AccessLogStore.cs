using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// Appends batches of entries to the chain, one transaction each: lock the head row, number and hash the entries
/// after it, insert them with their codes, move the head, commit. The lock makes servers sharing a PostgreSQL database
/// append one after another; SQLite's write lock (taken when the transaction begins) does the same for processes
/// sharing a file. Its DbContext is its own, without the request pipeline's interceptors.
/// </summary>
public sealed class AccessLogStore(IOptions<DatabaseOptions> database, IServiceProvider services)
{
    // The head row under a row lock: a second server's append waits here until this one commits.
    private const string LockHead = """SELECT * FROM "AccessLogHeads" WHERE "Id" = 1 FOR UPDATE""";

    private readonly Lazy<Func<ProductQualityDbContext>> _contexts = new(() => Contexts(database.Value, services));

    public ProductQualityDbContext CreateContext() => _contexts.Value();

    public async Task AppendAsync(IReadOnlyList<AccessLogEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using var db = CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var head = db.Database.IsNpgsql()
            ? await db.AccessLogHeads.FromSqlRaw(LockHead).SingleAsync(cancellationToken)
            : await db.AccessLogHeads.SingleAsync(h => h.Id == AccessLogHead.SingleId, cancellationToken);
        foreach (var entry in entries)
        {
            entry.Seq = head.Seq + 1;
            entry.PreviousHash = head.Hash;
            entry.Hash = AccessChain.HashOf(entry, entry.Codes.Select(c => c.CreditCode));
            (head.Seq, head.Hash) = (entry.Seq, entry.Hash);
        }

        db.AccessLog.AddRange(entries);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static Func<ProductQualityDbContext> Contexts(DatabaseOptions options, IServiceProvider services)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                var postgres = new DbContextOptionsBuilder<PostgresProductQualityDbContext>()
                    .UseNpgsql(services.GetRequiredService<PostgresConnectionString>().Value).Options;
                return () => new PostgresProductQualityDbContext(postgres);
            default:
                var sqlite = new DbContextOptionsBuilder<SqliteProductQualityDbContext>()
                    .UseSqlite(options.ConnectionString).Options;
                return () => new SqliteProductQualityDbContext(sqlite);
        }
    }
}
