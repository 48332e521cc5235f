using System.Text.Json;
using ProductQuality.Graph.Receipts;
using ProductQuality.Graph.Tests.Blacklist;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Receipts;

/// <summary>
/// A kept blacklistCheck file, as the server answered it, verifies; every edit of it is refused: a member repeated
/// (first or last, forged or the same value) anywhere, a result member added (one no answer has, or one the
/// receipt's contract does not show), a covered member removed, null or of another kind, a code null or no text,
/// a covered value altered. A result with "blacklisted" false then true verified with the answers checked, and an
/// altered name still does: no digest covers it, and the verb says so in <c>notCovered</c>.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ReceiptFileTamperTests(GraphServerFactory factory)
{
    // Every field project-approval has (it has no reasonCategory).
    private const string Check = """
        query($codes: [String!]!) {
          blacklistCheck(creditCodes: $codes) {
            receipt
            results {
              creditCode valid problem duplicateOf known name blacklisted blacklistedSince assured assuredUntil
            }
          }
        }
        """;

    private static readonly string[] Covered =
        ["valid", "known", "blacklisted", "blacklistedSince", "assured", "assuredUntil"];

    private delegate string? Edit(List<(string Name, string Raw)> members, int at);

    // Each edit of a result's member at 'at' that must be refused; null where it changes nothing.
    private static readonly (string Kind, Edit Edit)[] MemberEdits =
    [
        ("repeated first, forged", (m, at) => Result([(m[at].Name, Forged(m[at].Raw)), .. m])),
        ("repeated last, same value", (m, at) => Result([.. m, m[at]])),
        ("removed", (m, at) => Covered.Contains(m[at].Name) ? Result([.. m[..at], .. m[(at + 1)..]]) : null),
        ("null", (m, at) => m[at].Raw == "null" || m[at].Name == "name" ? null : Result(With(m, at, "null"))),
        ("forged", (m, at) => Words(m[at]) ? null : Result(With(m, at, Forged(m[at].Raw)))),
        ("a text", (m, at) => m[at].Raw.StartsWith('"') || m[at].Name == "name" ? null
            : Result(With(m, at, "\"1\""))),
        ("an object", (m, at) => Result(With(m, at, "{}"))),
    ];

    private static readonly (string Kind, Func<string, string> Edit)[] ResultEdits =
    [
        ("member added", r => r[..^1] + ",\"note\":\"forged entry\"}"),
        ("reasonCategory added under a contract without it", r => r[..^1] + ",\"reasonCategory\":null}"),
        ("blacklisted repeated, true", r => r[..^1] + ",\"blacklisted\":true}"),
        ("blacklisted repeated first, false", r => "{\"blacklisted\":false," + r[1..]),
        ("member named as one in another case", r => r[..^1] + ",\"Assured\":true}"),
        ("a type that is none", r => r[..^1] + ",\"__typename\":\"Enterprise\"}"),
    ];

    [Fact]
    public async Task Every_edited_file_is_refused_and_the_genuine_one_verifies()
    {
        var pem = ReceiptServer.NewKeyPem();
        using var server = ReceiptServer.With(factory, pem, "receipts-tamper");
        // One of each: listed, assured, plain, malformed, repeated, unknown; and "", which a null was read as.
        string[] codes = [.. await BulkCodes.SampleAsync(factory), ""];
        var reply = (await ReceiptServer.ClientFor(server, "project-approval").PostAsync(Check, new { codes }))
            .EnsureData().Data.GetProperty("blacklistCheck");
        var receipt = JsonSerializer.Serialize(reply.GetProperty("receipt").GetString());
        var results = reply.GetProperty("results").EnumerateArray().Select(r => r.EnumerateObject()
            .Select(m => (m.Name, Raw: m.Value.GetRawText())).ToList()).ToList();
        using var verb = new VerbProcess();
        var path = Path.Combine(verb.Folder, "kept.json");
        string File(string? receiptMember = null, string? codesMember = null, IEnumerable<string>? edited = null) =>
            $$"""{"receipt":{{receiptMember ?? receipt}},"creditCodes":{{codesMember ?? JsonSerializer.Serialize(codes)
            }},"results":[{{string.Join(',', edited ?? results.Select(Result))}}]}""";

        async Task<string?> RefusedAsync(string text)
        {
            await System.IO.File.WriteAllTextAsync(path, text);
            if (ReceiptFile.Read(path, out var problem) is not { } file)
            {
                return problem;
            }

            var (verdict, _, _) = await ReceiptVerb.CheckAsync(file, server.Services);
            return verdict.Valid ? null : verdict.Problem;
        }

        // The genuine file: valid, answers checked, and the members nothing covers named.
        Assert.Null(await RefusedAsync(File()));
        var genuine = ReceiptFile.Read(path, out _);
        Assert.NotNull(genuine);
        var (_, checkedAnswers, notCovered) = await ReceiptVerb.CheckAsync(genuine, server.Services);
        Assert.True(checkedAnswers);
        Assert.Equal(["name", "problem"], notCovered);

        var missed = new List<string>();
        async Task TryAsync(string kind, string text)
        {
            if (await RefusedAsync(text) is null)
            {
                missed.Add(kind);
            }
        }

        for (var i = 0; i < results.Count; i++)
        {
            var edited = results.Select(Result).ToList();
            for (var at = 0; at < results[i].Count; at++)
            {
                foreach (var (kind, edit) in MemberEdits)
                {
                    if (edit(results[i], at) is { } result)
                    {
                        await TryAsync($"result {i} {results[i][at].Name} {kind}",
                            File(edited: [.. edited[..i], result, .. edited[(i + 1)..]]));
                    }
                }
            }

            foreach (var (kind, edit) in ResultEdits)
            {
                await TryAsync($"result {i} {kind}",
                    File(edited: [.. edited[..i], edit(edited[i]), .. edited[(i + 1)..]]));
            }
        }

        var list = JsonSerializer.Serialize(codes);
        await TryAsync("receipt repeated", "{\"receipt\":\"x\"," + File()[1..]);
        await TryAsync("creditCodes repeated", "{\"creditCodes\":[\"91330402FORGED0000\"]," + File()[1..]);
        await TryAsync("results repeated", File()[..^1] + ",\"results\":[]}");
        await TryAsync("a member added beside the receipt", File()[..^1] + ",\"note\":\"checked by the bank\"}");
        await TryAsync("a member named as one in another case", File()[..^1] + ",\"Results\":[]}");
        Assert.EndsWith(",\"\"]", list, StringComparison.Ordinal);
        await TryAsync("a null code", File(codesMember: list[..^3] + "null]"));
        await TryAsync("a code that is no text", File(codesMember: list[..^3] + "0]"));
        Assert.Empty(missed);

        // An altered name is no edit the receipt can see: valid, and named as not covered.
        var renamed = results.Select(r => Result(r.Select(m => m.Name == "name" && m.Raw != "null"
            ? (m.Name, "\"伪造企业\"") : m).ToList())).ToList();
        Assert.Contains("伪造企业", File(edited: renamed), StringComparison.Ordinal);
        Assert.Null(await RefusedAsync(File(edited: renamed)));

        // The verb, as the tester ran it: a repeated member is an unreadable file (2), a member the contract does
        // not show a results mismatch (1), the genuine file valid (0) with what is not covered.
        string[] settings = ["--Receipts:SigningKey=" + pem, "--Receipts:KeyId=receipts-tamper"];
        var twice = results.Select(Result).Select((r, i) => i == 0 ? r[..^1] + ",\"blacklisted\":true}" : r);
        await System.IO.File.WriteAllTextAsync(path, File(edited: twice));
        var (exit, output, error) = await verb.RunAsync(["receipt", "verify", path, .. settings]);
        Assert.True(exit == 2, output + error);
        Assert.Contains("'blacklisted' is given twice", error, StringComparison.Ordinal);
        var uncovered = results.Select(Result).Select((r, i) => i == 0 ? r[..^1] + ",\"reasonCategory\":null}" : r);
        await System.IO.File.WriteAllTextAsync(path, File(edited: uncovered));
        (exit, output, error) = await verb.RunAsync(["receipt", "verify", path, .. settings]);
        Assert.True(exit == 1, output + error);
        Assert.Contains("does not show", output, StringComparison.Ordinal);
        await System.IO.File.WriteAllTextAsync(path, File());
        (exit, output, error) = await verb.RunAsync(["receipt", "verify", path, .. settings]);
        Assert.True(exit == 0, output + error);
        Assert.Contains("\"answersChecked\":true,\"notCovered\":[\"name\",\"problem\"]", output,
            StringComparison.Ordinal);
    }

    // A name, or a problem's words: no digest covers them (see the altered name below).
    private static bool Words((string Name, string Raw) member) =>
        member.Name == "name" || (member.Name == "problem" && member.Raw != "null");

    private static string Result(IEnumerable<(string Name, string Raw)> members) =>
        "{" + string.Join(',', members.Select(m => $"\"{m.Name}\":{m.Raw}")) + "}";

    private static List<(string Name, string Raw)> With(List<(string Name, string Raw)> members, int at,
        string raw) => [.. members[..at], (members[at].Name, raw), .. members[(at + 1)..]];

    private static string Forged(string raw) => raw switch
    {
        "true" => "false",
        "false" => "true",
        "null" => "true",
        ['"', _, _, _, _, '-', _, _, '-', _, _, '"'] => "\"2001-01-01\"",
        ['"', ..] => "\"forged\"",
        _ => "3",
    };
}
