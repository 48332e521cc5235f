using ProductQuality.Graph.Audit;

namespace ProductQuality.Graph.Tests.Audit;

/// <summary>
/// A request that gives up waiting for its entry and the writer committing it agree on what the log says, whichever
/// comes first: refused before the writer numbers it, the entry is stored as the refusal; refused while its
/// transaction commits, a correcting entry follows; committed first, the request gives its answer.
/// </summary>
public sealed class RefusedEntryFateTests
{
    [Fact]
    public void Refused_before_it_is_numbered_the_entry_is_stored_as_the_refusal()
    {
        var entry = Answered();
        Assert.True(entry.TryRefuse(entry.Refusal(TimeSpan.FromSeconds(10))));

        AccessLogStore.Link([entry], 0, AccessChain.Genesis);

        Assert.Equal((503, AccessLogging.UnavailableCode, AccessOutcome.Error), (entry.Status, entry.ErrorCode,
            entry.Outcome));
        Assert.Equal(("", 0), (entry.FieldGroups, entry.CodeCount));
        Assert.Empty(entry.Codes);
        Assert.Equal(entry.Hash, AccessChain.HashOf(entry, []));
        Assert.Equal(12_000_000, entry.DurationMicroseconds);
        Assert.Null(entry.Commit());
    }

    [Fact]
    public void Refused_while_its_transaction_commits_a_correcting_entry_follows()
    {
        var entry = Answered();
        AccessLogStore.Link([entry], 0, AccessChain.Genesis);

        Assert.True(entry.TryRefuse(entry.Refusal(TimeSpan.FromSeconds(10))));

        Assert.Equal(200, entry.Status);
        var correction = Assert.IsType<AccessLogEntry>(entry.Commit());
        Assert.Equal((503, AccessLogging.UnavailableCode, 0), (correction.Status, correction.ErrorCode,
            correction.CodeCount));
        Assert.Equal(entry.RequestId, correction.RequestId);
    }

    [Fact]
    public void Committed_before_the_request_gives_up_the_answer_is_given()
    {
        var entry = Answered();
        AccessLogStore.Link([entry], 0, AccessChain.Genesis);
        Assert.Null(entry.Commit());

        Assert.False(entry.TryRefuse(entry.Refusal(TimeSpan.FromSeconds(10))));
    }

    [Fact]
    public void Refused_after_a_rollback_the_retry_stores_the_refusal()
    {
        var entry = Answered();
        AccessLogStore.Link([entry], 0, AccessChain.Genesis);
        entry.RolledBack();
        Assert.True(entry.TryRefuse(entry.Refusal(TimeSpan.FromSeconds(10))));

        AccessLogStore.Link([entry], 0, AccessChain.Genesis);

        Assert.Equal((503, 0), (entry.Status, entry.CodeCount));
        Assert.Null(entry.Commit());
    }

    [Fact]
    public void A_refused_close_over_websocket_records_try_again_later()
    {
        var entry = Answered();
        entry.Status = 4403;

        Assert.Equal(1013, entry.Refusal(TimeSpan.Zero).Status);
    }

    private static AccessLogEntry Answered()
    {
        var entry = new AccessLogEntry
        {
            AtUtc = AccessChain.Truncate(DateTime.UtcNow), RequestId = "0HN:1", Department = "finance",
            FieldGroups = "Identity", Outcome = AccessOutcome.Ok, Status = 200, DurationMicroseconds = 2_000_000,
            CodeCount = 1, Codes = [new AccessLogCode { CreditCode = "91330402MA2BBBBBB1" }],
        };
        entry.PrecomputedContentHash = AccessChain.ContentHash(entry, ["91330402MA2BBBBBB1"]);
        return entry;
    }
}
