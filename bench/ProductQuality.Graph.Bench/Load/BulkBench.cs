using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Access.Tokens;
using ProductQuality.Graph.Bench.Hosting;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Enterprises;

namespace ProductQuality.Graph.Bench.Load;

/// <summary>
/// <c>bulk</c>: the bulk fields of issue 11 one request at a time (a partner's batch job, not a crowd): 10,000 codes
/// through blacklistCheck and 1,000 through enterpriseStatuses, now and as of a year ago. Each time is one request
/// from sending to the last byte read over loopback, so it bounds the server's time from above (the response
/// serialisation and transfer included); the SQL column counts statements per request.
/// </summary>
internal static class BulkBench
{
    private const string Approval = "project-approval";

    private const string Check = "query($codes: [String!]!, $day: Date) { blacklistCheck(creditCodes: $codes, " +
        "asOf: $day) { checkId receipt results { creditCode valid problem duplicateOf known name blacklisted " +
        "blacklistedSince assured assuredUntil } } }";

    private const string CheckLean = "query($codes: [String!]!) { blacklistCheck(creditCodes: $codes) { receipt " +
        "results { known blacklisted } } }";

    // Every code is looked up and the receipt digests every answer, but no per-code result is executed or written:
    // the difference to the rows above is GraphQL's execution and serialisation of 10,000 result objects.
    private const string CheckReceiptOnly = "query($codes: [String!]!) { blacklistCheck(creditCodes: $codes) { " +
        "codeCount receipt } }";

    private const string Statuses = "query($codes: [String!]!, $day: Date) { enterpriseStatuses(creditCodes: $codes, " +
        "asOf: $day) { creditCode valid known name class healthCode qualityIndex mapColour blacklisted assured } }";

    public static async Task<int> RunAsync(string[] args)
    {
        // Warm-up requests per case: the heaviest (10,000 results with every field) reach their steady time only
        // after about 15 requests (tiered compilation of the paths they run), so 5 measured them still warming.
        var rounds = TakeCount(ref args, "--rounds", 30);
        var warmup = TakeCount(ref args, "--warmup-requests", 20);

        if (BenchOptions.Parse(args) is not { } options)
        {
            return 2;
        }

        Console.Error.WriteLine($"Starting the server over {options.DatabasePath}…");
        var (app, address, sql) = await BenchServer.StartAsync(options, new Dictionary<string, string?>
        {
            ["Access:Limits:RequestsPerWindow"] = "1000000000",
            ["Access:Limits:MaxConcurrentRequests"] = "10000",
        });
        await using var _ = app;
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        var issuer = app.Services.GetRequiredService<DevelopmentTokenIssuer>();
        var (all, check, statuses) = await CodesAsync(app.Services);
        var yearAgo = DateTime.UtcNow.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var cases = new (string Name, string Department, string Query, object Variables)[]
        {
            ("blacklistCheck 10,000 codes, all fields", Approval, Check, new { codes = check }),
            ("blacklistCheck 10,000 codes, known + blacklisted", Approval, CheckLean, new { codes = check }),
            ("blacklistCheck 10,000 codes, receipt only", Approval, CheckReceiptOnly, new { codes = check }),
            ("blacklistCheck 10,000 codes, asOf a year ago", Approval, Check, new { codes = check, day = yearAgo }),
            ("enterpriseStatuses 1,000 codes", "finance", Statuses, new { codes = statuses }),
            ("enterpriseStatuses 1,000 codes, asOf a year ago", "finance", Statuses,
                new { codes = statuses, day = yearAgo }),
        };

        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"""
            Bulk fields, {all:N0} enterprises, {rounds} requests each after {warmup} warm-up, one at a time

            | request | p50 ms | p90 ms | min ms | SQL/req | response KB |
            | --- | ---: | ---: | ---: | ---: | ---: |

            """);
        foreach (var (name, department, query, variables) in cases)
        {
            var token = issuer.Issue(department, "bench", TimeSpan.FromHours(1));
            var body = JsonSerializer.Serialize(new { query, variables });
            var times = new List<double>();
            long bytes = 0;
            for (var round = -warmup; round < rounds; round++)
            {
                var before = sql.Count;
                var (ms, size) = await SendAsync(client, token, body);
                if (round >= 0)
                {
                    times.Add(ms);
                    bytes = size;
                }

                if (round == rounds - 1)
                {
                    times.Sort();
                    report.Append(CultureInfo.InvariantCulture,
                        $"| {name} | {times[times.Count / 2]:F1} | {times[(int)(times.Count * 0.9)]:F1} " +
                        $"| {times[0]:F1} " +
                        $"| {sql.Count - before} | {bytes / 1024} |\n");
                }
            }
        }

        await app.StopAsync();
        Console.WriteLine(report);
        return 0;
    }

    private static int TakeCount(ref string[] args, string option, int fallback)
    {
        var i = Array.IndexOf(args, option);
        if (i < 0 || i + 1 >= args.Length || !int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n))
        {
            return fallback;
        }

        args = [.. args[..i], .. args[(i + 2)..]];
        return n;
    }

    private static async Task<(double Ms, long Bytes)> SendAsync(HttpClient client, string token, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var watch = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var ms = watch.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode || bytes.AsSpan().IndexOf("\"errors\""u8) >= 0)
        {
            throw new InvalidOperationException($"The request failed: {Encoding.UTF8.GetString(bytes)[..300]}");
        }

        return (ms, bytes.Length);
    }

    // What a project-approval list looks like: every enterprise, unknown and malformed codes, repeats, shuffled.
    private static async Task<(int All, List<string> Check, List<string> Statuses)> CodesAsync(
        IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
        var known = await db.Enterprises.AsNoTracking().OrderBy(e => e.Id).Select(e => e.CreditCode).ToListAsync();
        var random = new Random(11);
        var list = known.OrderBy(_ => random.Next()).Take(7_000).ToList();
        while (list.Count < 10_000)
        {
            list.Add((list.Count % 4) switch
            {
                0 => list[random.Next(list.Count)],
                1 => "91330481704213653" + "Z",
                _ => CreditCode.WithCheckCharacter("91330481" + new string(Enumerable.Range(0, 9)
                    .Select(_ => CreditCode.Alphabet[random.Next(CreditCode.Alphabet.Length)]).ToArray())),
            });
        }

        var shuffled = list.OrderBy(_ => random.Next()).ToList();
        return (known.Count, shuffled, known.OrderBy(_ => random.Next()).Take(1_000).ToList());
    }
}
