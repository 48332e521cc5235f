using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Audit.Retention;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Bench.Load;

/// <summary>
/// <c>archive [--entries N] [--codes K] [--db PATH]</c>: how fast retention moves entries from a SQLite table to
/// archive files, how large a JSON-lines entry is, and how fast <c>audit verify</c> walks the archive. The log is
/// appended through the real store (entries like a status query's, K credit codes each), then archived with the
/// default batch size and verified — the composition the verbs use, no HTTP.
/// </summary>
internal static class ArchiveBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var entries = Number(args, "--entries", 200_000);
        var codes = Number(args, "--codes", 1);
        var database = Path.GetFullPath(Option(args, "--db")
            ?? Path.Combine(Path.GetTempPath(), "pq-bench-archive.db"));
        var folder = database + ".archive";
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(file);
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        // The verbs read appsettings.json from the current folder; the server's copy is next to the bench.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        using var host = CommandLine.BuildHost([$"--Database:ConnectionString=Data Source={database}",
            "--AccessLog:Retention:Days=1", $"--AccessLog:Retention:Folder={folder}", "--Clock:Today=2030-01-01",
            "--Logging:LogLevel:Default=Warning"]);
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        var store = host.Services.GetRequiredService<AccessLogStore>();
        var clock = Stopwatch.StartNew();
        for (var done = 0; done < entries; done += 500)
        {
            await store.AppendAsync([.. Enumerable.Range(done, Math.Min(500, entries - done))
                .Select(i => Entry(i, codes))], CancellationToken.None);
        }

        var appended = clock.Elapsed;
        var tableBytes = UsedBytes(database);
        var archiver = host.Services.GetRequiredService<AccessLogArchiver>();
        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AccessLogOptions>>();
        var run = await archiver.RunAsync(null, CancellationToken.None);
        var tableAfter = UsedBytes(database);
        clock.Restart();
        var chain = await host.Services.GetRequiredService<ChainVerifier>().VerifyAsync();
        var verified = clock.Elapsed;
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Join('\n',
            string.Create(c, $"Retention: {entries:N0} entries ({codes} credit code(s) each), SQLite, batches of ")
                + string.Create(c, $"{options.Value.Retention.BatchSize:N0}"),
            "",
            "| step | entries/s | seconds | bytes |",
            "| --- | ---: | ---: | ---: |",
            string.Create(c, $"| append (the store, 500 a commit) | {entries / appended.TotalSeconds:N0} | ")
                + string.Create(c, $"{appended.TotalSeconds:N1} | {tableBytes:N0} in the table |"),
            "| archive (read, check, write + fsync, delete) | "
                + string.Create(c, $"{run.Entries / run.Elapsed.TotalSeconds:N0} | ")
                + string.Create(c, $"{run.Elapsed.TotalSeconds:N1} | {run.Bytes:N0} in {run.Files} files |"),
            string.Create(c, $"| verify (archive then table) | {chain.Entries / verified.TotalSeconds:N0} | ")
                + string.Create(c, $"{verified.TotalSeconds:N1} | intact: {chain.Intact} |"),
            "",
            string.Create(c, $"JSON-lines: {(double)run.Bytes / run.Entries:N0} bytes per entry; the table held ")
                + string.Create(c, $"{(double)tableBytes / entries:N0} bytes per entry (indexes included) and ")
                + string.Create(c, $"{tableAfter:N0} bytes after archiving.")));
        return chain.Intact && run.Entries == entries ? 0 : 1;
    }

    private static AccessLogEntry Entry(int i, int codes)
    {
        var entry = new AccessLogEntry
        {
            AtUtc = AccessChain.Truncate(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(i * 0.5)),
            RequestId = "0HN" + i.ToString("D10", CultureInfo.InvariantCulture) + ":00000001",
            Department = "samr-jiaxing",
            Subject = "officer-" + (i % 40).ToString(CultureInfo.InvariantCulture),
            ClientAddress = "10.20.30." + (i % 250).ToString(CultureInfo.InvariantCulture),
            OperationName = "Status",
            DocumentSha256 = "3f0c9d2a1b7e4c5d6e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f",
            VariablesSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
                BitConverter.GetBytes(i))),
            FieldGroups = "Identity,Assessment,Enforcement",
            Purpose = "loan-review",
            Outcome = AccessOutcome.Ok,
            Status = 200,
            DurationMicroseconds = 4_000 + (i % 3_000),
            Codes = [.. Enumerable.Range(0, codes).Select(c => new AccessLogCode
            {
                CreditCode = "913304" + ((i * 7 + c) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture)
                    + "0421365E",
            })],
        };
        entry.CodeCount = entry.Codes.Count;
        return entry;
    }

    private static long UsedBytes(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); SELECT (SELECT page_count FROM pragma_page_count()) "
            + "- (SELECT freelist_count FROM pragma_freelist_count()), (SELECT page_size FROM pragma_page_size())";
        using var reader = command.ExecuteReader();
        reader.NextResult();
        reader.Read();
        return reader.GetInt64(0) * reader.GetInt64(1);
    }

    private static int Number(string[] args, string name, int fallback) =>
        Option(args, name) is { } text && int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
