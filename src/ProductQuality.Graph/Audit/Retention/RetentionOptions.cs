using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Audit.Retention;

/// <summary>
/// <c>AccessLog:Retention</c>: how long entries stay in the database before they are archived to JSON-lines files
/// (<see cref="AccessLogArchiver"/>) and removed. The archive keeps the chain: <c>audit verify</c> walks it first.
/// </summary>
public sealed class RetentionOptions
{
    public const int MaxDays = 36_500;

    /// <summary>
    /// Entries stay this many bureau days (China Standard Time) and today's: those recorded before 00:00 of the day
    /// <c>Days</c> days ago are archived. 0 (the default) keeps every entry in the database for ever.
    /// </summary>
    [SettingRange(0, MaxDays)]
    public int Days { get; set; }

    /// <summary>
    /// Where archive files go (relative paths from the current folder). Servers sharing a PostgreSQL database must
    /// share this folder too (or archive on one server only): the chain continues from file to file.
    /// <c>audit verify</c> reads it whether or not archiving is on.
    /// </summary>
    public string Folder { get; set; } = "data/access-log-archive";

    /// <summary>When the daily run starts, as a time of the bureau day (China Standard Time); it also runs on
    /// start-up to catch up. A TimeOnly, not a TimeSpan: '25:00:00' or 'abc' is then refused as "a time of day such
    /// as 03:00:00" (a TimeSpan was "a duration", and 25:00:00 was read as 25 days).</summary>
    public TimeOnly RunAt { get; set; } = new(3, 0, 0);

    /// <summary>Entries per archive file and per transaction: on SQLite new entries wait for one batch at most.
    /// </summary>
    [SettingRange(1, 1_000_000)]
    public int BatchSize { get; set; } = 10_000;

    /// <summary>Whether entries are archived at all.</summary>
    public bool Enabled => Days > 0;
}
