using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit.Tracker;

/// <summary>
/// An entry stored as answered while its request gave up (503, its transaction committing) and the correcting entry
/// appended after it: the readers count the request as its correction says, once. whoAccessed listed the caller as
/// having received the enterprise's data, and accessSummary counted the request as delivered and again as refused.
/// The pair is appended through the writer as its race leaves it (the entry, then the refusal the writer appends when
/// <see cref="AccessLogEntry.Commit"/> hands it back: RefusedEntryFateTests), so the chain stays whole.
/// </summary>
public abstract class CorrectedEntryTests(TestServerFactory factory)
{
    private const string Tracker = """
        query($c: String!) { whoAccessed(creditCode: $c, first: 100) { edges { node { purpose outcome } } } }
        """;

    private const string Summary = """
        query($f: AccessLogFilter) { accessSummary(filter: $f) {
          total byOutcome { key count } byPurpose { key count } byDepartment { key count } byDay { key count } } }
        """;

    [ProviderFact]
    public async Task A_corrected_entry_counts_once_as_refused_and_is_not_on_the_tracker()
    {
        var code = await factory.DbAsync(db => db.Enterprises.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => e.CreditCode).FirstAsync());
        var writer = factory.Services.GetRequiredService<AccessLogWriter>();
        var (corrected, delivered) = (AccessLogProbe.NewPurpose("corrected"), AccessLogProbe.NewPurpose("delivered"));

        var answered = Answered(code, corrected, $"corrected:{Guid.NewGuid():N}");
        await writer.AppendAsync(answered);
        await writer.AppendAsync(answered.Refusal(TimeSpan.FromSeconds(10)));
        await writer.AppendAsync(Answered(code, delivered, $"delivered:{Guid.NewGuid():N}"));

        var regulator = factory.ClientFor("samr-jiaxing");
        var tracked = (await regulator.PostAsync(Tracker, new { c = code })).EnsureData().Data
            .GetProperty("whoAccessed").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node").GetProperty("purpose").GetString()).ToList();
        Assert.Contains(delivered, tracked);
        Assert.DoesNotContain(corrected, tracked);

        var summary = await SummaryAsync(regulator, new { purpose = corrected });
        Assert.Equal(1, summary.GetProperty("total").GetInt32());
        Assert.Equal([("ERROR", 1)], Counts(summary.GetProperty("byOutcome")));
        Assert.Equal([(corrected, 1)], Counts(summary.GetProperty("byPurpose")));
        Assert.Equal([("finance", 1)], Counts(summary.GetProperty("byDepartment")));
        Assert.Single(Counts(summary.GetProperty("byDay")), d => d.Count == 1);
        // Nothing was returned: the enterprise's code finds neither the entry nor its correction.
        Assert.Equal(0, (await SummaryAsync(regulator, new { purpose = corrected, creditCode = code }))
            .GetProperty("total").GetInt32());
        Assert.Equal(1, (await SummaryAsync(regulator, new { purpose = delivered, creditCode = code }))
            .GetProperty("total").GetInt32());

        // The log itself lists both, as stored: the chain is never rewritten.
        var listed = (await regulator.PostAsync(
                "query($p: String) { accessLog(filter: {purpose: $p}) { totalCount } }", new { p = corrected }))
            .EnsureData().Data.GetProperty("accessLog").GetProperty("totalCount").GetInt32();
        Assert.Equal(2, listed);
        var chain = await factory.Services.GetRequiredService<ChainVerifier>().VerifyAsync();
        Assert.True(chain.Intact, chain.Problem);
    }

    /// <summary>
    /// A subscription's events share its request id: an event refused later (stored as the refusal, 503) corrects
    /// nothing of the events delivered before it, whose times differ.
    /// </summary>
    [ProviderFact]
    public async Task A_later_refused_event_of_a_subscription_does_not_undo_the_events_delivered_before_it()
    {
        var code = await factory.DbAsync(db => db.Enterprises.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => e.CreditCode).FirstAsync());
        var writer = factory.Services.GetRequiredService<AccessLogWriter>();
        var purpose = AccessLogProbe.NewPurpose("watch");
        var requestId = $"0HN{Guid.NewGuid():N}:00000001:watch";

        var delivered = Answered(code, purpose, requestId);
        await writer.AppendAsync(delivered);
        var later = Answered(code, purpose, requestId);
        later.AtUtc = delivered.AtUtc.AddMilliseconds(5);
        later.PrecomputedContentHash = AccessChain.ContentHash(later, [code]);
        Assert.True(later.TryRefuse(later.Refusal(TimeSpan.FromSeconds(10)))); // refused before it was numbered
        await writer.AppendAsync(later);

        var regulator = factory.ClientFor("samr-jiaxing");
        var tracked = (await regulator.PostAsync(Tracker, new { c = code })).EnsureData().Data
            .GetProperty("whoAccessed").GetProperty("edges").EnumerateArray()
            .Where(e => e.GetProperty("node").GetProperty("purpose").GetString() == purpose).ToList();
        Assert.Equal("OK", Assert.Single(tracked).GetProperty("node").GetProperty("outcome").GetString());
        var summary = await SummaryAsync(regulator, new { purpose });
        Assert.Equal(2, summary.GetProperty("total").GetInt32());
        Assert.Equal([("ERROR", 1), ("OK", 1)], Counts(summary.GetProperty("byOutcome")).Order());
    }

    private static AccessLogEntry Answered(string code, string purpose, string requestId)
    {
        var entry = new AccessLogEntry
        {
            AtUtc = AccessChain.Truncate(DateTime.UtcNow), RequestId = requestId, Department = "finance",
            Subject = "officer", Purpose = purpose, FieldGroups = "Identity", Outcome = AccessOutcome.Ok,
            Status = 200, DurationMicroseconds = 2_000, CodeCount = 1,
            Codes = [new AccessLogCode { CreditCode = code }],
        };
        entry.PrecomputedContentHash = AccessChain.ContentHash(entry, [code]);
        return entry;
    }

    private static async Task<JsonElement> SummaryAsync(HttpClient client, object filter) =>
        (await client.PostAsync(Summary, new { f = filter })).EnsureData().Data.GetProperty("accessSummary");

    private static List<(string? Key, int Count)> Counts(JsonElement counts) =>
        [.. counts.EnumerateArray().Select(c => (c.GetProperty("key").GetString(), c.GetProperty("count").GetInt32()))];
}

/// <summary>The <see cref="CorrectedEntryTests"/> on the embedded SQLite database.</summary>
[Collection(ServerCollection.Name)]
public sealed class CorrectedEntryOnSqliteTests(GraphServerFactory factory) : CorrectedEntryTests(factory);

/// <summary>The <see cref="CorrectedEntryTests"/> on PostgreSQL (skipped locally without PQG_TEST_POSTGRES).</summary>
[OnPostgres]
[Collection(ServerCollection.Name)]
public sealed class CorrectedEntryOnPostgresTests(PostgresServerFactory factory) : CorrectedEntryTests(factory);
