using System.Text.Json;
using ProductQuality.Graph.Audit.Retention;

namespace ProductQuality.Graph.Tests.Audit.Retention;

/// <summary>
/// Every edit of an archive line is a broken link at that line: a member repeated (first or last, forged or the
/// same value), added, removed, null or of another kind, a null code. A first-wins reader, or grep, saw a forged
/// "department" or "codes" put before the real one, and an added "note", while <c>audit verify</c> said intact; the
/// same entry in other text (spaced, escaped, its codes reordered) verified too, although it is not what the archiver
/// wrote.
/// </summary>
[Collection(AccessLogServerCollection.Name)]
public sealed class ArchiveLineTamperTests(AccessLogServerFactory factory)
{
    private delegate string? Edit(List<(string Name, string Raw)> members, int at);

    // Each edit of the member at 'at'; null where it changes nothing (a null made null).
    private static readonly (string Kind, Edit Edit)[] MemberEdits =
    [
        ("repeated first, forged", (m, at) => Line([(m[at].Name, Forged(m[at].Raw)), .. m])),
        ("repeated last, same value", (m, at) => Line([.. m, m[at]])),
        ("removed", (m, at) => Line([.. m[..at], .. m[(at + 1)..]])),
        ("null", (m, at) => m[at].Raw == "null" ? null : Line(With(m, at, "null"))),
        ("a boolean", (m, at) => Line(With(m, at, "true"))),
        ("an object", (m, at) => Line(With(m, at, "{}"))),
    ];

    private static readonly (string Kind, Func<string, string?> Edit)[] LineEdits =
    [
        ("member added", line => line[..^1] + ",\"note\":\"forged entry\"}"),
        ("member added, named as one in another case", line => line[..^1] + ",\"Department\":\"forged-dept\"}"),
        ("department forged first", line => "{\"department\":\"forged-dept\"," + line[1..]),
        ("codes forged first", line => "{\"codes\":[\"91330402FORGED0000\"]," + line[1..]),
        ("a null code", line => line.Contains("\"codes\":[\"", StringComparison.Ordinal)
            ? line.Replace("\"codes\":[\"", "\"codes\":[null,\"", StringComparison.Ordinal)
            : line.Replace("\"codes\":[]", "\"codes\":[null]", StringComparison.Ordinal)),
        ("a code of another kind", line => line.Replace("\"codes\":[", "\"codes\":[7,", StringComparison.Ordinal)),

        // The same entry in other text: it parsed and hashed the same, so it verified.
        ("spaced", line => line.Replace("\":", "\": ", StringComparison.Ordinal)),
        ("a name escaped", line => line.Replace("\"department\"", "\"\\u0064epartment\"", StringComparison.Ordinal)),
        ("a text escaped", line => line.Replace("\"atUtc\":\"2", "\"atUtc\":\"\\u0032", StringComparison.Ordinal)),
        ("a carriage return at its end", line => line + "\r"),
        ("its codes reordered", CodesReversed),
    ];

    [Fact]
    public async Task Every_edited_line_is_named_as_the_first_broken_link_and_the_genuine_archive_verifies()
    {
        using var lab = new ArchiveLab(Template());
        await lab.AppendAsync(20);
        await lab.ArchiveAsync();
        Assert.True((await lab.VerifyAsync()).Intact);
        var lines = lab.Files.SelectMany(f => File.ReadAllLines(f.Path).Select((text, i) => (File: f, Number: i + 1,
            Text: text))).ToList();
        Assert.Equal(ArchiveLab.Expired, lines.Count);

        var missed = new List<string>();
        async Task TryAsync(int index, string kind, string? edited)
        {
            if (edited is null)
            {
                return;
            }

            var (file, number, text) = lines[index];
            var original = await File.ReadAllLinesAsync(file.Path);
            await File.WriteAllLinesAsync(file.Path, original.Select((l, i) => i == number - 1 ? edited : l));
            var chain = await lab.VerifyAsync();
            await File.WriteAllLinesAsync(file.Path, original);
            if (chain.Intact || chain.BrokenIn != $"{file.Name} line {number}")
            {
                missed.Add($"{kind} on {file.Name} line {number}: intact {chain.Intact}, broken in {chain.BrokenIn}");
            }
        }

        // Each edit of each member, on the lines in turn (member i on line i mod 15).
        var names = Members(lines[0].Text).Select(m => m.Name).ToList();
        for (var at = 0; at < names.Count; at++)
        {
            var index = at % lines.Count;
            var members = Members(lines[index].Text);
            Assert.Equal(lines[index].Text, Line(members)); // the edits below change only what they say
            foreach (var (kind, edit) in MemberEdits)
            {
                await TryAsync(index, $"{names[at]} {kind}", edit(members, at));
            }
        }

        // Each whole-line edit on every line.
        for (var index = 0; index < lines.Count; index++)
        {
            foreach (var (kind, edit) in LineEdits)
            {
                await TryAsync(index, kind, edit(lines[index].Text));
            }
        }

        Assert.Empty(missed);
        Assert.True((await lab.VerifyAsync()).Intact);

        // The verb, as the tester ran it: exit 1, the place named.
        var (first, _, text0) = lines[0];
        await File.WriteAllLinesAsync(first.Path, File.ReadAllLines(first.Path).Select((l, i) => i == 0
            ? "{\"department\":\"forged-dept\"," + text0[1..] : l));
        var run = await lab.RunVerbAsync("audit", "verify", "--archive", lab.Archive);
        Assert.True(run.ExitCode == 1, run.Out + run.Error);
        var report = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal($"{first.Name} line 1", report.GetProperty("brokenIn").GetString());
        Assert.Contains("other members than the archiver writes", report.GetProperty("problem").GetString(),
            StringComparison.Ordinal);
    }

    private string Template()
    {
        _ = factory.Services; // migrated and started
        return factory.DatabasePath;
    }

    private static List<(string Name, string Raw)> Members(string line)
    {
        using var document = JsonDocument.Parse(line);
        return [.. document.RootElement.EnumerateObject().Select(m => (m.Name, m.Value.GetRawText()))];
    }

    private static string? CodesReversed(string line)
    {
        var members = Members(line);
        var at = members.FindIndex(m => m.Name == "codes");
        using var codes = JsonDocument.Parse(members[at].Raw);
        var list = codes.RootElement.EnumerateArray().Select(c => c.GetRawText()).ToList();
        list.Reverse();
        return list.Count < 2 ? null : Line(With(members, at, "[" + string.Join(',', list) + "]"));
    }

    private static string Line(IEnumerable<(string Name, string Raw)> members) =>
        "{" + string.Join(',', members.Select(m => $"\"{m.Name}\":{m.Raw}")) + "}";

    private static List<(string Name, string Raw)> With(List<(string Name, string Raw)> members, int at,
        string raw) => [.. members[..at], (members[at].Name, raw), .. members[(at + 1)..]];

    private static string Forged(string raw) => raw switch
    {
        ['[', ..] => "[\"91330402FORGED0000\"]",
        ['"', ..] => "\"forged\"",
        "null" => "\"forged\"",
        _ => "999",
    };
}
