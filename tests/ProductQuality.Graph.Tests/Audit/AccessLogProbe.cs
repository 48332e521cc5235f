using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit;

/// <summary>
/// Sends requests tagged with a fresh purpose and finds their access log entry by it. The server answers only after
/// the entry is stored, so the entry is there when the answer is.
/// </summary>
public static class AccessLogProbe
{
    public static string NewPurpose(string what = "test") => $"{what}:{Guid.NewGuid():N}";

    public static async Task<GraphQLReply> PostAsync(this HttpClient client, string query, string? purpose,
        object? variables = null, string? operationName = null, string contentType = "application/json")
    {
        var body = JsonSerializer.Serialize(new { query, variables, operationName });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(GraphQLHttp.ResponseMediaType));
        if (purpose is not null)
        {
            request.Headers.TryAddWithoutValidation(PurposeHeader.Name, purpose);
        }

        return await GraphQLReply.ReadAsync(await client.SendAsync(request));
    }

    public static Task<AccessLogEntry> EntryAsync(this TestServerFactory factory, string purpose) =>
        factory.DbAsync(db => db.AccessLog.AsNoTracking().Include(e => e.Codes).SingleAsync(e => e.Purpose == purpose));

    /// <summary>
    /// Breaks (or mends) the log's store as a lost table would: every append fails while the data's tables are
    /// untouched, so writes still commit. Renaming the head table is undone exactly.
    /// </summary>
    public static Task<int> BreakStoreAsync(this TestServerFactory factory, bool broken) =>
        factory.DbAsync(db => db.Database.ExecuteSqlRawAsync(broken
            ? "ALTER TABLE \"AccessLogHeads\" RENAME TO \"AccessLogHeadsGone\""
            : "ALTER TABLE \"AccessLogHeadsGone\" RENAME TO \"AccessLogHeads\""));

    /// <summary>
    /// Holds the SQLite file's write lock, as another process's <c>BEGIN EXCLUSIVE</c> would, until disposed: reads go
    /// on (WAL), the log's commits wait, and a request gives up on its entry after the commit wait.
    /// </summary>
    public static async Task<IAsyncDisposable> HoldWriteLockAsync(string databasePath)
    {
        var locker = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databasePath};Pooling=False");
        await locker.OpenAsync();
        await using var hold = locker.CreateCommand();
        hold.CommandText = "BEGIN IMMEDIATE;";
        await hold.ExecuteNonQueryAsync();
        return new WriteLock(locker);
    }

    /// <summary>The entries with this purpose (those <paramref name="which"/> picks) once there is one, waiting up to
    /// 30 s: a refused request's entry is stored after its answer, once the database answers again.</summary>
    public static async Task<List<AccessLogEntry>> StoredEntriesAsync(
        this TestServerFactory factory, string purpose, Func<AccessLogEntry, bool>? which = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var entries = (await factory.EntriesAsync(purpose)).Where(which ?? (_ => true)).ToList();
            if (entries.Count > 0 || DateTime.UtcNow > deadline)
            {
                return entries;
            }

            await Task.Delay(100);
        }
    }

    private sealed class WriteLock(Microsoft.Data.Sqlite.SqliteConnection locker) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (var release = locker.CreateCommand())
            {
                release.CommandText = "ROLLBACK;";
                await release.ExecuteNonQueryAsync();
            }

            await locker.DisposeAsync();
        }
    }

    /// <summary>Waits (up to 30 s) until the background indexer has copied the codes of entries up to seq.</summary>
    public static async Task IndexedThroughAsync(this TestServerFactory factory, long seq)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await factory.DbAsync(db => db.CodeIndexMarks.Select(m => m.IndexedThroughSeq).SingleAsync()) < seq)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the code index did not reach entry {seq} in 30 s");
            await Task.Delay(100);
        }
    }

    /// <summary>Every entry with this purpose, in chain order (a WebSocket connection's entries all have its purpose).
    /// </summary>
    public static Task<List<AccessLogEntry>> EntriesAsync(this TestServerFactory factory, string purpose) =>
        factory.DbAsync(db => db.AccessLog.AsNoTracking().Include(e => e.Codes).Where(e => e.Purpose == purpose)
            .OrderBy(e => e.Seq).ToListAsync());

    public static IReadOnlySet<string> CodesOf(AccessLogEntry entry) =>
        entry.Codes.Select(c => c.CreditCode).ToHashSet(StringComparer.Ordinal);

    public static string Sha256(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
