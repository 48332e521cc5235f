using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Recording;

/// <summary>
/// A retried request records once; a key reused for something else is refused; keys are per department.
/// </summary>
[Collection(WritableServerCollection.Name)]
public sealed class IdempotencyTests(WritableServerFactory factory)
{
    private readonly HttpClient _city = factory.ClientFor("samr-jiaxing");

    [Fact]
    public async Task Same_key_and_input_twice_records_once_and_replays()
    {
        var (code, product, _) = await factory.EnterpriseAsync(10);
        var key = WriteData.Key();
        var request = Writes.Sampling(code, product, key: key);

        var first = (await _city.PostAsync(Writes.RecordSampling, request)).EnsureData()
            .Data.GetProperty("recordSampling");
        var second = (await _city.PostAsync(Writes.RecordSampling, request)).EnsureData()
            .Data.GetProperty("recordSampling");

        Assert.False(first.GetProperty("replayed").GetBoolean());
        Assert.True(second.GetProperty("replayed").GetBoolean());
        Assert.Equal(first.GetProperty("inspection").ToString(), second.GetProperty("inspection").ToString());
        var report = first.GetProperty("inspection").GetProperty("reportNumber").GetString();
        Assert.Equal(1, await factory.DbAsync(db => db.Inspections.CountAsync(i => i.ReportNumber == report)));
        Assert.Equal(1, await factory.DbAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == key)));
    }

    [Fact]
    public async Task Same_key_with_different_input_or_operation_is_IDEMPOTENCY_KEY_REUSED()
    {
        var (code, product, _) = await factory.EnterpriseAsync(11);
        var key = WriteData.Key();
        (await _city.PostAsync(Writes.RecordSampling, Writes.Sampling(code, product, key: key))).EnsureData();

        var changed = await _city.PostAsync(Writes.RecordSampling, Writes.Sampling(code, product, key: key));
        Assert.Equal(["IDEMPOTENCY_KEY_REUSED input.idempotencyKey"], changed.FieldErrors());

        Assert.Contains("for recordSampling with different input.", changed.FirstErrorMessage,
            StringComparison.Ordinal);

        var otherOperation = await _city.PostAsync(Writes.RecordValidComplaint,
            new { input = new { idempotencyKey = key, creditCode = code, productCode = product,
                foundValidOn = "2026-11-01", summary = "漏电" } });
        Assert.Equal(["IDEMPOTENCY_KEY_REUSED input.idempotencyKey"], otherOperation.FieldErrors());
        // Another write is named as such: it was told "… for recordValidComplaint with different input".
        Assert.Contains("for another write, recordSampling (this is recordValidComplaint).",
            otherOperation.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Equal(1, await factory.DbAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == key)));
    }

    [Fact]
    public async Task Keys_are_per_department()
    {
        var (code, product, county) = await factory.EnterpriseAsync(12, county: "330481");
        var key = WriteData.Key();
        (await _city.PostAsync(Writes.RecordSampling, Writes.Sampling(code, product, key: key))).EnsureData();
        var county2 = await factory.ClientFor("samr-" + county)
            .PostAsync(Writes.RecordSampling, Writes.Sampling(code, product, key: key));
        Assert.False(county2.EnsureData().Data.GetProperty("recordSampling").GetProperty("replayed").GetBoolean());
    }

    [Fact]
    public async Task Concurrent_identical_requests_record_once()
    {
        var (code, product, _) = await factory.EnterpriseAsync(13);
        var request = Writes.Sampling(code, product, key: WriteData.Key());
        var clients = Enumerable.Range(0, 4).Select(_ => factory.ClientFor("samr-jiaxing")).ToList();

        var replies = await Task.WhenAll(clients.Select(c => c.PostAsync(Writes.RecordSampling, request)));

        Assert.All(replies, r => r.EnsureData());
        Assert.Single(replies, r => !r.Data.GetProperty("recordSampling").GetProperty("replayed").GetBoolean());
        var report = replies[0].Data.GetProperty("recordSampling").GetProperty("inspection").GetProperty("reportNumber")
            .GetString();
        Assert.Equal(1, await factory.DbAsync(db => db.Inspections.CountAsync(i => i.ReportNumber == report)));
    }

    [Fact]
    public async Task Blank_key_is_refused()
    {
        var (code, product, _) = await factory.EnterpriseAsync(14);
        foreach (var blank in new[] { "  ", "\u3000" })
        {
            var reply = await _city.PostAsync(Writes.RecordSampling, Writes.Sampling(code, product, key: blank));
            Assert.Equal(["INVALID_INPUT input.idempotencyKey"], reply.FieldErrors());
            // Not told its length was wrong (the probe): it was blank.
            Assert.Contains("holds only blank characters", reply.FirstErrorMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("k-1\nINFO forged line", "U+000A (a control character) at character 4")]
    [InlineData("k-1\u001b[31m", "U+001B (a control character) at character 4")]
    [InlineData("k-\u200b1", "U+200B (an invisible formatting character) at character 3")]
    [InlineData("k-\u202e1", "U+202E (an invisible formatting character) at character 3")]
    [InlineData("k\u03011", "U+0301 (a combining mark) at character 2")]
    [InlineData("a\u00a0b", "U+00A0 (a space other than the plain space) at character 2")]
    [InlineData("a\u3000b", "U+3000 (a space other than the plain space) at character 2")]
    [InlineData("\U0001F600\U0001F600\u00a0x", "U+00A0 (a space other than the plain space) at character 3")]
    [InlineData("\u3164", "U+3164 (a character that prints as blank) at character 1")]
    [InlineData("k\u2800", "U+2800 (a character that prints as blank) at character 2")]
    public async Task A_key_with_a_character_that_does_not_print_is_refused_naming_it(string key, string named)
    {
        var (code, product, _) = await factory.EnterpriseAsync(16);
        var reply = await _city.PostAsync(Writes.RecordSampling, Writes.Sampling(code, product, key: key));

        Assert.Equal(["INVALID_INPUT input.idempotencyKey"], reply.FieldErrors());
        Assert.Contains(named, reply.FirstErrorMessage);
        Assert.Equal(0, await factory.DbAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == key.Trim())));
    }

    [Fact]
    public async Task Two_writes_in_one_document_each_answer_with_the_state_after_their_own_write()
    {
        var (code, product, _) = await factory.EnterpriseAsync(15);
        const string document = """
            mutation($a: RecordSamplingInput!, $b: RecordSamplingInput!) {
              a: recordSampling(input: $a) { enterprise { inspections(limit: 200) { reportNumber } } }
              b: recordSampling(input: $b) { enterprise { inspections(limit: 200) { reportNumber } } } }
            """;
        var a = Writes.Sampling(code, product);
        var b = Writes.Sampling(code, product);
        var reply = (await _city.PostAsync(document, new { a = ((dynamic)a).input, b = ((dynamic)b).input }))
            .EnsureData();

        int Count(string alias) => reply.Data.GetProperty(alias).GetProperty("enterprise").GetProperty("inspections")
            .GetArrayLength();
        Assert.Equal(Count("a") + 1, Count("b"));
    }
}
