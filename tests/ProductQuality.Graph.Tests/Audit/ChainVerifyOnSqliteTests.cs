using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit;

/// <summary>
/// <c>audit verify</c>, run as an operator runs it, over copies of a real SQLite log: intact, then with an entry
/// altered, deleted, reordered or cut from the end — each named at the first broken link. A signed checkpoint
/// catches even a rewrite that re-hashes the whole chain after the change.
/// </summary>
[Collection(AccessLogServerCollection.Name)]
public sealed class ChainVerifyOnSqliteTests(AccessLogServerFactory factory) : IDisposable
{
    private readonly VerbProcess _verb = new();

    public static TheoryData<string, string> Tamperings() => new()
    {
        { "altered", "UPDATE \"AccessLog\" SET \"Purpose\" = 'other' WHERE \"Seq\" = {1}" },
        { "deleted", "DELETE FROM \"AccessLog\" WHERE \"Seq\" = {1}" },
        { "reordered", "UPDATE \"AccessLog\" SET \"Seq\" = -1 WHERE \"Seq\" = {1}; "
            + "UPDATE \"AccessLog\" SET \"Seq\" = {1} WHERE \"Seq\" = {2}; "
            + "UPDATE \"AccessLog\" SET \"Seq\" = {2} WHERE \"Seq\" = -1" },
        { "code removed", "DELETE FROM \"AccessLogCodes\" WHERE \"EntrySeq\" = {0}" },
    };

    [Fact]
    public async Task An_intact_log_verifies()
    {
        await WriteEntriesAsync();
        var (exit, report) = await VerifyAsync(Copy());
        Assert.True(exit == 0, report.ToString());
        Assert.True(report.GetProperty("intact").GetBoolean());
        Assert.True(report.GetProperty("entries").GetInt64() >= 5);
    }

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task A_tampered_log_is_named_at_its_first_broken_link(string kind, string sql)
    {
        var (withCodes, plain) = await WriteEntriesAsync();
        var copy = Copy();
        Execute(copy, sql.Replace("{0}", Text(withCodes), StringComparison.Ordinal)
            .Replace("{1}", Text(plain), StringComparison.Ordinal)
            .Replace("{2}", Text(plain + 1), StringComparison.Ordinal));

        var (exit, report) = await VerifyAsync(copy);
        Assert.True(exit == 1, $"{kind}: {report}");
        Assert.False(report.GetProperty("intact").GetBoolean());
        Assert.Equal(kind == "code removed" ? withCodes : plain, report.GetProperty("brokenAt").GetInt64());
        Assert.Contains(kind switch { "deleted" => "missing", "reordered" => "does not follow", _ => "altered" },
            report.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("row deleted", "DELETE FROM \"AccessLogCodeIndex\" WHERE \"EntrySeq\" = {0}", "lacks code")]
    [InlineData("row added", "INSERT INTO \"AccessLogCodeIndex\" (\"CreditCode\", \"EntrySeq\") "
        + "VALUES ('91330000MA0000000X', {0})", "did not return it")]
    [InlineData("row past the mark", "INSERT INTO \"AccessLogCodeIndex\" (\"CreditCode\", \"EntrySeq\") "
        + "VALUES ('91330000MA0000000X', 99999)", "past its mark")]
    [InlineData("mark moved", "UPDATE \"AccessLogCodeIndexMarks\" SET \"IndexedThroughSeq\" = "
        + "\"IndexedThroughSeq\" + 1000", "past the head")]
    [InlineData("county row deleted", "DELETE FROM \"AccessLogCountyIndex\" WHERE \"EntrySeq\" = {0}",
        "The look-up by county lacks county")]
    [InlineData("county row added", "INSERT INTO \"AccessLogCountyIndex\" (\"County\", \"EntrySeq\") "
        + "VALUES ('110101', {0})", "returned none of its enterprises")]
    [InlineData("county row past the mark", "INSERT INTO \"AccessLogCountyIndex\" (\"County\", \"EntrySeq\") "
        + "VALUES ('330402', 99999)", "The look-up by county lists county 330402 for entry 99999, past its mark")]
    public async Task The_look_up_by_code_whoAccessed_reads_is_verified_against_the_chain(string kind, string sql,
        string problem)
    {
        // The index is a copy outside the chain: a row deleted from it hid an access from the enterprise's tracker
        // while verify said intact.
        var (withCodes, _) = await WriteEntriesAsync();
        await factory.IndexedThroughAsync(withCodes);
        var copy = Copy();
        Execute(copy, sql.Replace("{0}", Text(withCodes), StringComparison.Ordinal));

        var (exit, report) = await VerifyAsync(copy);
        Assert.True(exit == 1, $"{kind}: {report}");
        Assert.Equal("code index", report.GetProperty("brokenIn").GetString());
        Assert.Contains(problem, report.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entries_cut_from_the_end_are_found_by_the_head()
    {
        await WriteEntriesAsync();
        var copy = Copy();
        Execute(copy, "DELETE FROM \"AccessLog\" WHERE \"Seq\" = (SELECT MAX(\"Seq\") FROM \"AccessLog\")");
        var (exit, report) = await VerifyAsync(copy);
        Assert.Equal(1, exit);
        Assert.Contains("removed", report.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE \"AccessLog\" SET \"Outcome\" = 'Bogus' WHERE \"Seq\" = {1}", "its Outcome holds 'Bogus'")]
    [InlineData("UPDATE \"AccessLog\" SET \"Outcome\" = 'ok' WHERE \"Seq\" = {1}", "its Outcome holds 'ok'")]
    [InlineData("UPDATE \"AccessLog\" SET \"AtUtc\" = 'garbage' WHERE \"Seq\" = {1}", "its AtUtc holds 'garbage'")]
    [InlineData("UPDATE \"AccessLog\" SET \"CodeCount\" = 99999999999999999999 WHERE \"Seq\" = {1}",
        "its CodeCount holds")]
    public async Task A_value_the_log_never_writes_is_a_broken_link_not_a_crash(string sql, string problem)
    {
        // Each ended in an unhandled exception (exit 134, a stack trace); 'ok' for 'Ok' verified intact.
        var (_, plain) = await WriteEntriesAsync();
        var copy = Copy();
        Execute(copy, sql.Replace("{1}", Text(plain), StringComparison.Ordinal));

        var (exit, report) = await VerifyAsync(copy);
        Assert.True(exit == 1, report.ToString());
        Assert.Equal(plain, report.GetProperty("brokenAt").GetInt64());
        Assert.Equal("table", report.GetProperty("brokenIn").GetString());
        Assert.Contains($"Entry {plain} was altered: {problem}", report.GetProperty("problem").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_head_is_said_so()
    {
        await WriteEntriesAsync();
        var copy = Copy();
        Execute(copy, "DELETE FROM \"AccessLogHeads\"");
        var (exit, report) = await VerifyAsync(copy);
        Assert.True(exit == 1, report.ToString());
        Assert.Equal("head", report.GetProperty("brokenIn").GetString());
        Assert.StartsWith("The chain's head (the row of AccessLogHeads) is missing",
            report.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_head_moved_back_over_entries_is_found()
    {
        // Walked only up to the head (a running server appends beyond it), the entries after a head moved back
        // would go unseen: in the walk's snapshot they are evidence.
        await WriteEntriesAsync();
        var copy = Copy();
        Execute(copy, "UPDATE \"AccessLogHeads\" SET \"Seq\" = \"Seq\" - 2, \"Hash\" = (SELECT \"Hash\" FROM "
            + "\"AccessLog\" WHERE \"Seq\" = (SELECT \"Seq\" - 2 FROM \"AccessLogHeads\"))");
        var (exit, report) = await VerifyAsync(copy);
        Assert.True(exit == 1, report.ToString());
        Assert.Equal("head", report.GetProperty("brokenIn").GetString());
        Assert.Contains("follow it: the head was moved back", report.GetProperty("problem").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_checkpoint_catches_a_log_rewritten_and_rehashed_after_it()
    {
        var (_, plain) = await WriteEntriesAsync();
        var copy = Copy();
        var file = Path.Combine(_verb.Folder, "checkpoint.json");
        var signed = await _verb.RunAsync("audit", "checkpoint", "--out", file, Connection(copy));
        Assert.True(signed.ExitCode == 0, signed.Error);
        var (held, heldReport) = await VerifyAsync(copy, "--checkpoint", file);
        Assert.True(held == 0, heldReport.ToString());
        Assert.True(heldReport.GetProperty("checkpoint").GetProperty("held").GetBoolean());

        await RewriteFromAsync(copy, plain);

        var (plainExit, _) = await VerifyAsync(copy);
        Assert.Equal(0, plainExit); // the rewrite is consistent: only the checkpoint can tell
        var (exit, report) = await VerifyAsync(copy, "--checkpoint", file);
        Assert.Equal(1, exit);
        Assert.False(report.GetProperty("checkpoint").GetProperty("held").GetBoolean());
        Assert.Contains("rewritten", report.GetProperty("checkpoint").GetProperty("problem").GetString(),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pq-host\n")]
    [InlineData("{\"receipt\": \"eyJ\", \"creditCodes\": []}")]
    [InlineData("{\"checkpoint\": \"not a signed JWS\"}")]
    public async Task A_file_that_is_no_checkpoint_is_said_so_not_reported_as_a_broken_chain(string content)
    {
        // /etc/hostname came out as "intact":false with no broken link and exit 1, as if the log were rewritten.
        await WriteEntriesAsync();
        var file = Path.Combine(_verb.Folder, "head.json");
        await File.WriteAllTextAsync(file, content);

        var run = await _verb.RunAsync("audit", "verify", "--checkpoint", file, Connection(Copy()));

        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.Out} {run.Error}");
        Assert.Empty(run.Out);
        Assert.StartsWith($"The checkpoint file '{file}' is not a checkpoint: expected the JSON that `audit "
            + "checkpoint` writes, {\"checkpoint\": \"<signed JWS>\"", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_verdict_states_the_signed_seq_and_hash_it_checked()
    {
        await WriteEntriesAsync();
        var copy = Copy();
        var (file, seq, hash) = await CheckpointAsync(copy);

        var (exit, report) = await VerifyAsync(copy, "--checkpoint", file);

        Assert.True(exit == 0, report.ToString());
        var checkpoint = report.GetProperty("checkpoint");
        Assert.True(checkpoint.GetProperty("held").GetBoolean());
        Assert.Equal(seq, checkpoint.GetProperty("seq").GetInt64());
        Assert.Equal(hash, checkpoint.GetProperty("hash").GetString());
        Assert.Equal(JsonValueKind.Null, checkpoint.GetProperty("problem").ValueKind);
    }

    public static TheoryData<string, string> Edits() => new()
    {
        // Outside the signature: {"checkpoint":"<same JWS>","seq":999,…} verified, and showed entry 999 held.
        { "seq changed", "the file's seq 999 is not the signed {seq}" },
        { "hash changed", "the file's hash \"abab" },
        { "checkpoint repeated, garbage first", "the member 'checkpoint' is given twice" },
        { "checkpoint repeated, garbage last", "the member 'checkpoint' is given twice" },
        { "member added", "it has a member 'note', which `audit checkpoint` does not write" },
        { "member removed", "it lacks the member 'hash'" },
        { "invalid UTF-8", "it is not valid UTF-8 text" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task A_checkpoint_file_edited_outside_its_signature_is_refused(string edit, string said)
    {
        await WriteEntriesAsync();
        var copy = Copy();
        var (file, seq, hash) = await CheckpointAsync(copy);
        var jws = JsonDocument.Parse(await File.ReadAllBytesAsync(file)).RootElement.GetProperty("checkpoint")
            .GetString();
        var members = $"\"seq\":{seq},\"hash\":\"{hash}\"";
        byte[] content = edit switch
        {
            "seq changed" => Utf8($"{{\"checkpoint\":\"{jws}\",\"seq\":999,\"hash\":\"{hash}\"}}"),
            "hash changed" => Utf8($"{{\"checkpoint\":\"{jws}\",\"seq\":{seq},\"hash\":\""
                + $"{string.Concat(Enumerable.Repeat("ab", 32))}\"}}"),
            "checkpoint repeated, garbage first" =>
                Utf8($"{{\"checkpoint\":\"garbage\",\"checkpoint\":\"{jws}\",{members}}}"),
            "checkpoint repeated, garbage last" =>
                Utf8($"{{\"checkpoint\":\"{jws}\",\"checkpoint\":\"garbage\",{members}}}"),
            "member added" => Utf8($"{{\"checkpoint\":\"{jws}\",{members},\"note\":\"kept offsite\"}}"),
            "member removed" => Utf8($"{{\"checkpoint\":\"{jws}\",\"seq\":{seq}}}"),
            // The signed hash, then bytes that are no UTF-8: System.Text.Json parses them without complaint.
            _ => [.. Utf8($"{{\"checkpoint\":\"{jws}\",\"seq\":{seq},\"hash\":\"{hash}"), 0xFF, 0xFE, .. Utf8("\"}")],
        };
        await File.WriteAllBytesAsync(file, content);

        var run = await _verb.RunAsync("audit", "verify", "--checkpoint", file, Connection(copy));

        Assert.True(run.ExitCode == 2, $"{edit}: exit {run.ExitCode}: {run.Out} {run.Error}");
        Assert.Empty(run.Out);
        Assert.StartsWith($"The checkpoint file '{file}' is not a checkpoint as `audit checkpoint` writes it: ",
            run.Error, StringComparison.Ordinal);
        Assert.Contains(said.Replace("{seq}", Text(seq), StringComparison.Ordinal), run.Error,
            StringComparison.Ordinal);
    }

    public void Dispose() => _verb.Dispose();

    /// <summary>A checkpoint of the copy's head as <c>audit checkpoint --out</c> writes it, and what it signed.
    /// </summary>
    private async Task<(string File, long Seq, string Hash)> CheckpointAsync(string database)
    {
        var file = Path.Combine(_verb.Folder, $"checkpoint-{Guid.NewGuid():N}.json");
        var signed = await _verb.RunAsync("audit", "checkpoint", "--out", file, Connection(database));
        Assert.True(signed.ExitCode == 0, signed.Error);
        var written = JsonDocument.Parse(await File.ReadAllBytesAsync(file)).RootElement;
        return (file, written.GetProperty("seq").GetInt64(), written.GetProperty("hash").GetString()!);
    }

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    /// <summary>Five answered requests in a row: the first returns an enterprise, the others none.</summary>
    private async Task<(long WithCodes, long Plain)> WriteEntriesAsync()
    {
        var client = factory.ClientFor("finance");
        var purposes = Enumerable.Range(0, 5).Select(_ => AccessLogProbe.NewPurpose("chain")).ToList();
        (await client.PostAsync("{ enterprises(first: 2) { edges { node { name } } } }", purposes[0])).EnsureData();
        foreach (var purpose in purposes.Skip(1))
        {
            (await client.PostAsync("{ productCategories { code } }", purpose)).EnsureData();
        }

        return ((await factory.EntryAsync(purposes[0])).Seq, (await factory.EntryAsync(purposes[2])).Seq);
    }

    private string Copy()
    {
        var copy = Path.Combine(_verb.Folder, $"copy-{Guid.NewGuid():N}.db");
        Execute(factory.DatabasePath, $"VACUUM INTO '{copy}'");
        return copy;
    }

    private async Task<(int Exit, JsonElement Report)> VerifyAsync(string database, params string[] more)
    {
        var run = await _verb.RunAsync(["audit", "verify", .. more, Connection(database)]);
        Assert.True(run.ExitCode is 0 or 1, run.Error);
        return (run.ExitCode, JsonDocument.Parse(run.Out).RootElement.Clone());
    }

    private static string Text(long seq) => seq.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Connection(string database) => $"--Database:ConnectionString=Data Source={database}";

    private static void Execute(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>What a forger with write access does: change an entry, re-hash it and every one after it.</summary>
    private static async Task RewriteFromAsync(string database, long seq)
    {
        var options = new DbContextOptionsBuilder<SqliteProductQualityDbContext>()
            .UseSqlite($"Data Source={database};Pooling=False").Options;
        await using var db = new SqliteProductQualityDbContext(options);
        var entries = await db.AccessLog.Include(e => e.Codes).Where(e => e.Seq >= seq).OrderBy(e => e.Seq)
            .ToListAsync();
        var previous = await db.AccessLog.Where(e => e.Seq == seq - 1).Select(e => e.Hash).SingleAsync();
        entries[0].Purpose = "forged";
        foreach (var entry in entries)
        {
            entry.PreviousHash = previous;
            entry.Hash = previous = AccessChain.HashOf(entry, entry.Codes.Select(c => c.CreditCode));
        }

        var head = await db.AccessLogHeads.SingleAsync();
        head.Hash = previous;
        await db.SaveChangesAsync();
    }
}
