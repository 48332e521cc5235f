using System.Globalization;

namespace ProductQuality.Graph.Bench;

/// <summary>Command-line settings of a run; every one has a default so a bare <c>dotnet run</c> works.</summary>
internal sealed record BenchOptions(int Seconds, int Concurrency, int WarmupSeconds, string DatabasePath, bool Baseline,
    string? ResultsFolder, string Department, int? WritePauseMs = null, int? LimitRounds = null, string? Only = null,
    string? Postgres = null, int? AccessLogRounds = null, bool AllocationTypes = false, int Rounds = 1)
{
    /// <summary>Server settings given with <c>--set</c>, applied over the bench's own (last one wins).</summary>
    public IReadOnlyDictionary<string, string?> ServerSettings { get; init; } = new Dictionary<string, string?>();

    public const string Usage = """
        Usage: dotnet run -c Release --project bench/ProductQuality.Graph.Bench -- [options]
          --seconds S        measured seconds per scenario (default 20)
          --concurrency C    concurrent client workers (default 16)
          --warmup W         warm-up seconds per scenario, not measured (default 10)
        """
        + "\n  --db PATH          SQLite file; seeded with the default data set on first run and kept "
        + "(default <temp>/pq-bench.db)\n"
        + """
          --baseline         also measure a trivial GraphQL request ({ __typename }): the transport + executor floor
          --out DIR          folder for the Markdown report (default bench/results of the repository)
        """
        + "\n  --writes MS        instead of the read pairs: a write's latency (recordSampling, one writer pausing "
        + "MS ms between\n"
        + """
                             writes) under the closed-loop status read load, and the reads with and without the writes.
                             Writes are real facts: use a --db of its own.
          --limits R         instead of the read pairs: the status query with the request limits on and off
                             (two servers, one database), in R alternating rounds of S seconds each
          --access-log R     instead of the read pairs: the status query with the access log on and off
                             (two servers, one database), in R alternating rounds, and the log's growth per entry
          --postgres CS      run the server on PostgreSQL (an Npgsql connection string; its database is
                             migrated and seeded on first run) instead of the SQLite --db
          --only TEXT        measure only the scenarios whose name contains TEXT (e.g. "status"), for a profiler;
                             with --limits or --access-log, compare the first GraphQL scenario it names
        """
        + "\n  --department ID    whose token the GraphQL requests carry (default samr-jiaxing; e.g. samr-330481 "
        + "for a county bureau)\n"
        + """
          --rounds R         measure the read scenarios in R rounds, each round in the opposite order of the one before;
                             the pair ratios are then the median of the rounds' ratios (default 1)
          --alloc-types      also sample which types each read scenario allocates (the runtime's allocation ticks)
        """
        + "\n  --set KEY=VALUE    a server setting for this run, as in appsettings (e.g. AccessLog:Enabled=false); "
        + "repeatable";

    /// <summary>Parses the arguments; null (after printing why) when they are not usable.</summary>
    public static BenchOptions? Parse(string[] args)
    {
        var options = new BenchOptions(20, 16, 10, Path.Combine(Path.GetTempPath(), "pq-bench.db"), false, null,
            "samr-jiaxing");
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--seconds" when TryPositive(value, out var s): options = options with { Seconds = s }; i++; break;
                case "--concurrency" when TryPositive(value, out var c):
                    options = options with { Concurrency = c };
                    i++;
                    break;
                case "--warmup" when int.TryParse(value, CultureInfo.InvariantCulture, out var w) && w >= 0:
                    options = options with { WarmupSeconds = w };
                    i++;
                    break;
                case "--db" when value is not null:
                    options = options with { DatabasePath = Path.GetFullPath(value) };
                    i++;
                    break;
                case "--out" when value is not null:
                    options = options with { ResultsFolder = Path.GetFullPath(value) };
                    i++;
                    break;
                case "--department" when value is not null: options = options with { Department = value }; i++; break;
                case "--limits" when TryPositive(value, out var r):
                    options = options with { LimitRounds = r };
                    i++;
                    break;
                case "--access-log" when TryPositive(value, out var a):
                    options = options with { AccessLogRounds = a };
                    i++;
                    break;
                case "--postgres" when value is not null: options = options with { Postgres = value }; i++; break;
                case "--only" when value is not null: options = options with { Only = value }; i++; break;
                case "--set" when value is not null && value.IndexOf('=') > 0:
                    var equals = value.IndexOf('=');
                    options = options with
                    {
                        ServerSettings = new Dictionary<string, string?>(options.ServerSettings)
                        {
                            [value[..equals]] = value[(equals + 1)..],
                        },
                    };
                    i++;
                    break;
                case "--rounds" when TryPositive(value, out var rounds):
                    options = options with { Rounds = rounds };
                    i++;
                    break;
                case "--alloc-types": options = options with { AllocationTypes = true }; break;
                case "--baseline": options = options with { Baseline = true }; break;
                case "--writes" when int.TryParse(value, CultureInfo.InvariantCulture, out var p) && p >= 0:
                    options = options with { WritePauseMs = p };
                    i++;
                    break;
                default:
                    Console.Error.WriteLine($"Unknown or incomplete option '{args[i]}'.\n{Usage}");
                    return null;
            }
        }

        return options;
    }

    private static bool TryPositive(string? text, out int value) =>
        int.TryParse(text, CultureInfo.InvariantCulture, out value) && value is > 0 and <= 10_000;
}
