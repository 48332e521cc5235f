using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Tests.Changes;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.Recording;

namespace ProductQuality.Graph.Tests.Audit;

/// <summary>
/// A write commits before its request's entry is stored. When the entry then cannot be stored the answer is 503
/// ACCESS_LOG_UNAVAILABLE, and it said only "no answer is given": a partner took a recorded write for a failed one
/// (the ops probe). The refusal names the writes that were recorded and how to receive their answers; sent again with
/// the same key once the log is back, the write answers as replayed and is recorded once.
/// </summary>
[Collection(WritableServerCollection.Name)]
public sealed class WriteBeforeLogFailureTests(WritableServerFactory factory)
{
    private const string Mutation = "mutation($input: RecordManagementStatusInput!) { "
        + "recordManagementStatus(input: $input) { replayed record { traceability } } }";

    [Fact]
    public async Task A_write_refused_for_its_entry_is_named_as_recorded_and_answers_when_sent_again()
    {
        var (code, _, _) = await FeedWrites.EnterpriseAsync(factory, 160);
        var city = factory.ClientFor("samr-jiaxing");
        var key = WriteData.Key();
        var input = new { input = new { idempotencyKey = key, creditCode = code, traceability = "FULL",
            qualitySystem = "CERTIFIED", effectiveFrom = "2026-11-20", note = "written before the log failed" } };
        var before = await CountAsync(code);

        await factory.BreakStoreAsync(true);
        GraphQLReply refused;
        try
        {
            refused = await city.PostAsync(Mutation, AccessLogProbe.NewPurpose("write-refused"), input);
        }
        finally
        {
            await factory.BreakStoreAsync(false);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal(AccessLogging.UnavailableCode, refused.FirstErrorCode);
        var message = refused.Json.GetProperty("errors")[0].GetProperty("message").GetString()!;
        Assert.Contains($"Your write recordManagementStatus (idempotencyKey \"{key}\") was recorded", message,
            StringComparison.Ordinal);
        Assert.Equal(key, refused.Json.GetProperty("errors")[0].GetProperty("extensions")
            .GetProperty("recordedWrites")[0].GetProperty("idempotencyKey").GetString());
        Assert.Equal(before + 1, await CountAsync(code));

        var again = (await city.PostAsync(Mutation, AccessLogProbe.NewPurpose("write-again"), input)).EnsureData();
        var payload = again.Data.GetProperty("recordManagementStatus");
        Assert.True(payload.GetProperty("replayed").GetBoolean());
        Assert.Equal("FULL", payload.GetProperty("record").GetProperty("traceability").GetString());
        Assert.Equal(before + 1, await CountAsync(code));
    }

    /// <summary>
    /// A document held 90 writes (before each was priced at GraphQL:Limits:WriteCost: four fit now), and their keys ran
    /// past the message's 2,000 characters: 11 of 20 were cut off (the re-probe). Every one is in
    /// <c>extensions.recordedWrites</c>, keys exactly as sent.
    /// </summary>
    [Fact]
    public async Task Many_writes_refused_for_their_entry_are_all_listed_in_extensions()
    {
        var (code, _, _) = await FeedWrites.EnterpriseAsync(factory, 161);
        var keys = Enumerable.Range(0, 4).Select(i => $"many \"{i}\" \\ {WriteData.Key()}".PadRight(128, 'k'))
            .ToList();
        var fields = string.Join(' ', keys.Select((_, i) => $"w{i}: recordManagementStatus(input: $i{i}) "
            + "{ replayed }"));
        var declared = string.Join(", ", keys.Select((_, i) => $"$i{i}: RecordManagementStatusInput!"));
        var variables = keys.Select((key, i) => (Name: $"i{i}", Input: (object)new { idempotencyKey = key,
                creditCode = code, traceability = "FULL", qualitySystem = "CERTIFIED", effectiveFrom = "2026-11-20",
                note = $"write {i}" }))
            .ToDictionary(v => v.Name, v => v.Input);

        await factory.BreakStoreAsync(true);
        GraphQLReply refused;
        try
        {
            refused = await factory.ClientFor("samr-jiaxing").PostAsync($"mutation({declared}) {{ {fields} }}",
                AccessLogProbe.NewPurpose("writes-refused"), variables);
        }
        finally
        {
            await factory.BreakStoreAsync(false);
        }

        Assert.Equal(AccessLogging.UnavailableCode, refused.FirstErrorCode);
        Assert.Contains("Your 4 writes listed in extensions.recordedWrites", refused.FirstErrorMessage,
            StringComparison.Ordinal);
        var listed = refused.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("recordedWrites")
            .EnumerateArray().Select(w => (w.GetProperty("operation").GetString(),
                w.GetProperty("idempotencyKey").GetString())).ToList();
        Assert.Equal(keys.Select(k => ((string?)"recordManagementStatus", (string?)k)), listed);
    }

    [Fact]
    public async Task A_read_refused_for_its_entry_names_no_write()
    {
        await factory.BreakStoreAsync(true);
        GraphQLReply refused;
        try
        {
            refused = await factory.ClientFor("finance").PostAsync("{ enterprises(first: 2) { items { name } } }",
                AccessLogProbe.NewPurpose("read-refused"));
        }
        finally
        {
            await factory.BreakStoreAsync(false);
        }

        Assert.Equal(AccessLogging.UnavailableCode, refused.FirstErrorCode);
        Assert.DoesNotContain("write", refused.Body, StringComparison.OrdinalIgnoreCase);
    }

    private Task<int> CountAsync(string code) => factory.DbAsync(db => db.ManagementRecords
        .CountAsync(r => db.Enterprises.Any(e => e.Id == r.EnterpriseId && e.CreditCode == code)));
}
