using System.Text;
using ProductQuality.Graph.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ProductQuality.Graph.Tests.Audit;

/// <summary>
/// Thousands of seeded accessLog and accessSummary requests with random filters and damaged cursors — unknown
/// departments, malformed codes, impossible and extreme days, out-of-range page sizes, cursors cut, flipped, forged
/// or from another list — for the city and a county bureau: every answer stays clean (no 5xx, a code on every error).
/// </summary>
[Collection(AccessLogServerCollection.Name)]
public sealed class AccessLogFuzzTests(AccessLogServerFactory factory, ITestOutputHelper output)
{
    private const int Cases = 2_000;

    private static readonly string[] Departments = ["finance", "drc", "samr-330481", "", "nobody", "财政", "\u0000"];

    private static readonly string[] Days =
    [
        "2026-12-03", "2026-11-28", "0001-01-01", "9999-12-31", "2026-02-29", "2026-13-01", "2026-1-1", "", "today",
        "20261203", "2026-12-03T00:00:00Z",
    ];

    private static readonly string[] Outcomes =
        ["OK", "VALIDATION_ERROR", "UNAUTHORISED", "FORBIDDEN", "LIMITED", "ERROR", "ok", "Ok", "NONE", ""];

    [Fact]
    public async Task Every_filter_and_cursor_is_answered_cleanly()
    {
        var random = new Random(20_261_203);
        var codes = await SeedCodesAsync();
        var cursors = new List<string>();
        var cursorsByFilter = new Dictionary<(bool, int), List<string>>
        {
            [(false, 0)] = [], [(true, 0)] = [], [(false, 1)] = [], [(true, 1)] = [],
        };
        var failures = new List<string>();
        var clients = new[] { factory.ClientFor("samr-jiaxing"), factory.ClientFor("samr-330481") };
        for (var i = 0; i < Cases; i++)
        {
            // A third of the cases are well-formed, so paging really runs on data and its cursors feed the rest. A
            // cursor belongs to its filter and its caller's rows: a well-formed case resumes from one of a page with
            // the same filter, asked by the same caller.
            var plain = random.Next(3) == 0;
            var finance = random.Next(2) == 0;
            var caller = i % 2;
            var same = cursorsByFilter[(finance, caller)];
            var variables = plain ? new Dictionary<string, object?>
            {
                ["f"] = finance ? new Dictionary<string, object?> { ["department"] = "finance" } : null,
                ["n"] = random.Next(1, 30),
                ["a"] = same.Count > 0 && random.Next(2) == 0 ? same[random.Next(same.Count)] : null,
            }
            : new Dictionary<string, object?>
            {
                ["f"] = random.Next(6) == 0 ? null : Filter(random, codes),
                ["n"] = random.Next(5) switch
                {
                    0 => null, 1 => random.Next(-10, 10), 2 => random.Next(490, 520), 3 => long.MaxValue, _ => 3,
                },
                ["a"] = random.Next(3) == 0 ? null : Cursor(random, cursors),
            };
            var summary = random.Next(4) == 0;
            var query = summary
                ? "query($f: AccessLogFilter) { accessSummary(filter: $f) { total byDay { key count } } }"
                : "query($f: AccessLogFilter, $n: Int, $a: String) { accessLog(filter: $f, first: $n, after: $a) { "
                  + "totalCount pageInfo { endCursor } edges { cursor node { seq creditCodes } } } }";
            var reply = await clients[caller].PostAsync(query, null, summary ? new { f = variables["f"] } : variables);
            if (CleanAnswer.Violation(reply) is { } violation)
            {
                failures.Add($"case {i}: {violation}");
            }
            else if (!summary && reply.Body.Contains("\"endCursor\":\"", StringComparison.Ordinal))
            {
                var end = reply.Data.GetProperty("accessLog").GetProperty("pageInfo").GetProperty("endCursor");
                cursors.Add(end.GetString()!);
                if (plain)
                {
                    cursorsByFilter[(finance, caller)].Add(end.GetString()!);
                }
            }
        }

        output.WriteLine($"{Cases} cases, {cursors.Count} pages with a cursor");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(10)));
        Assert.True(cursors.Count > Cases / 5, "too few answered pages: the fuzz did not reach the data");
    }

    private async Task<List<string>> SeedCodesAsync()
    {
        // Forty finance entries, so the well-formed cases filtering on finance page through data even when this test
        // runs alone (before, it relied on entries the collection's other tests had left).
        var client = factory.ClientFor("finance");
        for (var i = 0; i < 39; i++)
        {
            (await client.PostAsync("{ enterprises(first: 1) { totalCount } }", "fuzz-seed")).EnsureData();
        }

        var page = (await client.PostAsync("{ enterprises(first: 20) { edges { node { creditCode } } } }", "fuzz-seed"))
            .EnsureData();
        return page.Data.GetProperty("enterprises").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node").GetProperty("creditCode").GetString()!).ToList();
    }

    private static Dictionary<string, object?> Filter(Random random, List<string> codes)
    {
        var filter = new Dictionary<string, object?>();
        if (random.Next(3) == 0)
        {
            filter["department"] = Departments[random.Next(Departments.Length)];
        }

        if (random.Next(3) == 0)
        {
            var code = codes[random.Next(codes.Count)];
            filter["creditCode"] = random.Next(4) switch
            {
                0 => code, 1 => code[..^1], 2 => code.ToLowerInvariant(), _ => Noise(random, 18),
            };
        }

        if (random.Next(3) == 0)
        {
            filter["purpose"] = random.Next(2) == 0 ? "fuzz-seed" : Noise(random, random.Next(0, 200));
        }

        if (random.Next(3) == 0)
        {
            filter["outcome"] = Outcomes[random.Next(Outcomes.Length)];
        }

        foreach (var bound in new[] { "from", "to" })
        {
            if (random.Next(3) == 0)
            {
                filter[bound] = random.Next(8) == 0 ? random.Next() : Days[random.Next(Days.Length)];
            }
        }

        if (random.Next(10) == 0)
        {
            filter["unknownField"] = 1;
        }

        return filter;
    }

    private static string Cursor(Random random, List<string> cursors)
    {
        var real = cursors.Count > 0 ? cursors[random.Next(cursors.Count)] : "djF8TmV3ZXN0Rmlyc3R8NXww";
        return random.Next(6) switch
        {
            0 => real,
            1 => real[..random.Next(real.Length)],
            2 => Flip(random, real),
            3 => Base64Url($"v1|NewestFirst|{Noise(random, 6)}|0"),
            4 => Base64Url(random.Next(3) switch
            {
                0 => "v1|NewestFirst|-5|0", 1 => "v1|NewestFirst|99999999999999999999|0", _ => "v1|DueFirst|5|0",
            }),
            _ => Noise(random, random.Next(0, 40)),
        };
    }

    private static string Flip(Random random, string text)
    {
        var chars = text.ToCharArray();
        if (chars.Length > 0)
        {
            chars[random.Next(chars.Length)] = "AZaz09-_=+/!"[random.Next(12)];
        }

        return new string(chars);
    }

    private static string Base64Url(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Noise(Random random, int length)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXYabc-_|:/ 中文\u00e9\\\"'{}";
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            text.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return text.ToString();
    }
}
