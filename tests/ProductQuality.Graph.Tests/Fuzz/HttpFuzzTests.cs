using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Access.Tokens;
using ProductQuality.Graph.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ProductQuality.Graph.Tests.Fuzz;

/// <summary>
/// The deterministic HTTP fuzz suite: a few thousand seeded requests — damaged documents, random variables,
/// broken bodies, header and token variants, GET parameters — through the real server. Every answer must keep
/// the house rule (<see cref="CleanAnswer"/>): no 5xx, a JSON body, a code on every error, no .NET names.
/// A failure prints the seed and the cases; PQG_FUZZ_SEED runs another seed, PQG_FUZZ_TRACE logs every case.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class HttpFuzzTests(GraphServerFactory factory, ITestOutputHelper output)
{
    private const int DefaultSeed = 20_261_202;
    private const int CasesPerKind = 600;

    public static TheoryData<string> Kinds() => [.. CaseGenerator.Kinds];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_answer_is_clean(string kind)
    {
        var seed = Seed() + Array.IndexOf(CaseGenerator.Kinds, kind);
        var (codes, cursors) = await SamplesAsync();
        var issuer = factory.Services.GetRequiredService<DevelopmentTokenIssuer>();
        var tokens = new Dictionary<string, string>();
        string Mint(string department)
        {
            if (!tokens.TryGetValue(department, out var token))
            {
                tokens[department] = token = issuer.Issue(department, "fuzz", TimeSpan.FromHours(1));
            }

            return token;
        }

        var generator = new CaseGenerator(seed, Mint, codes, cursors);
        var client = factory.CreateClient();
        var failures = new List<string>();
        var tally = new Dictionary<string, int>(StringComparer.Ordinal);

        // A crash (a stack overflow) leaves no answer to report: PQG_FUZZ_TRACE names a file each case is written
        // to before it is sent, so the culprit is the last one.
        var trace = Environment.GetEnvironmentVariable("PQG_FUZZ_TRACE");
        for (var i = 0; i < CasesPerKind; i++)
        {
            var fuzzCase = generator.Next(i, kind);
            if (trace is not null)
            {
                await File.AppendAllTextAsync(trace, $"seed {seed}\n{fuzzCase.Describe()}\n\n");
            }

            using var request = fuzzCase.ToRequest();
            var reply = await GraphQLReply.ReadAsync(await client.SendAsync(request));
            Tally(tally, reply);
            if (CleanAnswer.Violation(reply) is { } why && failures.Count < 10)
            {
                failures.Add($"{why}\n{fuzzCase.Describe()}\n  Answer: {(int)reply.Status} {Cut(reply.Body)}");
            }
        }

        // What the cases reached, so a generator that stops reaching the server shows: statuses and codes.
        output.WriteLine($"seed {seed}, {CasesPerKind} {kind} cases: "
            + string.Join(", ", tally.OrderByDescending(t => t.Value).Select(t => $"{t.Key} ×{t.Value}")));
        Assert.True(failures.Count == 0,
            $"Seed {seed} ({kind}): {failures.Count} answers break the rule (first 10):\n\n" + string.Join("\n\n",
                failures));
    }

    private static void Tally(Dictionary<string, int> tally, GraphQLReply reply)
    {
        var key = ((int)reply.Status).ToString(CultureInfo.InvariantCulture);
        if (reply.Body.StartsWith('{') && reply.HasErrors)
        {
            key += " " + reply.FirstErrorCode;
        }

        tally[key] = tally.GetValueOrDefault(key) + 1;
    }

    private static int Seed() =>
        int.TryParse(Environment.GetEnvironmentVariable("PQG_FUZZ_SEED"), NumberStyles.Integer,
            CultureInfo.InvariantCulture, out var s)
            ? s
            : DefaultSeed;

    /// <summary>Real credit codes and cursors for the generators to damage.</summary>
    private async Task<(List<string> Codes, List<string> Cursors)> SamplesAsync()
    {
        var client = factory.ClientFor("samr-jiaxing");
        var reply = (await client.PostAsync("{ a: enterprises(first: 5) { edges { cursor node { creditCode } } } "
            + "b: enterprises(first: 3, orderBy: CLASS_WORST_FIRST) { edges { cursor } } "
            + "c: enterprises(first: 3, orderBy: QUALITY_INDEX_HIGH_FIRST) { edges { cursor } } "
            + "d: riskWarnings(first: 3) { edges { cursor } } }")).EnsureData();
        var codes = reply.Data.GetProperty("a").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node").GetProperty("creditCode").GetString()!).ToList();
        var cursors = new[] { "a", "b", "c", "d" }
            .SelectMany(k => reply.Data.GetProperty(k).GetProperty("edges").EnumerateArray())
            .Select(e => e.GetProperty("cursor").GetString()!).ToList();
        return (codes, cursors);
    }

    private static string Cut(string text) => text.Length > 600 ? text[..600] + "…" : text;
}
