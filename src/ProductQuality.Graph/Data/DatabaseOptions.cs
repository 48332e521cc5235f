using System.ComponentModel.DataAnnotations;

namespace ProductQuality.Graph.Data;

/// <summary>Where the data lives (configuration section <c>Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (embedded default) or <c>Postgres</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// ADO.NET connection string of the chosen provider. Checked by <see cref="ConnectionStringValidation"/>, which
    /// gives the chosen provider's example when it is empty.
    /// </summary>
    public string ConnectionString { get; set; } = "Data Source=data/productquality.db";

    /// <summary>
    /// SQLite: the page cache of each open connection, in MiB (SQLite's own default is 2). Filled only as pages are
    /// read, so a connection uses at most this much; the pool holds about as many connections as requests run at once.
    /// </summary>
    [Range(1, 4096)]
    public int SqlitePageCacheMiB { get; set; } = 16;

    /// <summary>
    /// EF Core's check that no two operations use one context at once (a programming error it reports by throwing).
    /// It writes an async-local value on every row read: 600 times for a page of 100 enterprises with their
    /// products, 70 to 100 KB of the request's 513 KB. Off by default; the test suite runs with it on, so a context
    /// shared across operations still fails there (bench/README.md, 2026-12-07, twenty-third session).
    /// </summary>
    public bool ThreadSafetyChecks { get; set; }

    /// <summary>Apply pending EF migrations at start (the database is upgraded in place, never dropped).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>On start, fill an empty database with the default Jiaxing data set.</summary>
    public bool SeedWhenEmpty { get; set; } = true;

    /// <summary>Enterprises in the data set seeded into an empty database.</summary>
    [Range(1, 1_000_000)]
    public int SeedEnterprises { get; set; } = 3_000;

    /// <summary>Random seed of the generator: the same seed gives the same data set.</summary>
    public int SeedRandom { get; set; } = 20200422;

    /// <summary>
    /// The "today" the generated history ends on; empty means the real date. Tests pin it for stable snapshots.
    /// </summary>
    public DateOnly? SeedToday { get; set; }
}
