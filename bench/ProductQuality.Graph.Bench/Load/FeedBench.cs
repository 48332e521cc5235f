using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Access.Tokens;
using ProductQuality.Graph.Bench.Hosting;
using ProductQuality.Graph.Changes;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Bench.Load;

/// <summary>
/// <c>feed</c>: how fast a partner reads the change feed — events per second when it pages through a backlog with
/// the largest page, one request at a time as a follower does. The backlog is written straight into the table
/// (events of every kind over the data set's enterprises, with reasons as the re-evaluation stores them), since
/// producing it through writes would measure the writes; reading is the same either way.
/// </summary>
internal static class FeedBench
{
    private const string Page = "query($after: String) { changes(after: $after, first: 500) { edges { node { cursor " +
        "kind creditCode oldValue newValue effectiveFrom correction reason } } pageInfo { hasNextPage endCursor } } }";

    public static async Task<int> RunAsync(string[] args)
    {
        var events = 50_000;
        var i = Array.IndexOf(args, "--events");
        if (i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n))
        {
            events = n;
            args = [.. args[..i], .. args[(i + 2)..]];
        }

        if (BenchOptions.Parse(args) is not { } options)
        {
            return 2;
        }

        Console.Error.WriteLine($"Starting the server over {options.DatabasePath}…");
        var (app, address, sql) = await BenchServer.StartAsync(options, new Dictionary<string, string?>
        {
            ["Access:Limits:RequestsPerWindow"] = "1000000000",
            ["Access:Public:Limits:RequestsPerWindow"] = "1000000000",
            ["Access:Limits:MaxConcurrentRequests"] = "10000",
        });
        await using var _ = app;
        var total = await BacklogAsync(app.Services, events);
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        var issuer = app.Services.GetRequiredService<DevelopmentTokenIssuer>();
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"""
            Change feed, {total:N0} events in the table, pages of 500, one request at a time, best of 3 passes

            | reader | events read | pages | seconds | events/s | ms/page | SQL/page |
            | --- | ---: | ---: | ---: | ---: | ---: | ---: |

            """);
        foreach (var department in new[] { "finance", "samr-330402", "project-approval", null })
        {
            var token = department is null ? null : issuer.Issue(department, "bench", TimeSpan.FromHours(1));
            await ReadAllAsync(client, token); // warm-up pass
            var best = (Read: 0, Pages: 0, Seconds: double.MaxValue, Sql: 0L);
            for (var pass = 0; pass < 3; pass++)
            {
                var before = sql.Count;
                var watch = Stopwatch.StartNew();
                var (read, pages) = await ReadAllAsync(client, token);
                var seconds = watch.Elapsed.TotalSeconds;
                if (seconds < best.Seconds)
                {
                    best = (read, pages, seconds, sql.Count - before);
                }
            }

            report.Append(CultureInfo.InvariantCulture,
                $"| {department ?? "public"} | {best.Read:N0} | {best.Pages} | {best.Seconds:F2} " +
                $"| {best.Read / best.Seconds:N0} | {best.Seconds * 1000 / best.Pages:F1} " +
                $"| {(double)best.Sql / best.Pages:F1} |\n");
        }

        await app.StopAsync();
        Console.WriteLine(report);
        return 0;
    }

    private static async Task<(int Events, int Pages)> ReadAllAsync(HttpClient client, string? token)
    {
        string? after = null;
        var (events, pages) = (0, 0);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent(JsonSerializer.Serialize(new { query = Page, variables = new { after } }),
                    Encoding.UTF8, "application/json"),
            };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await client.SendAsync(request);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            if (!json.RootElement.TryGetProperty("data", out var data))
            {
                throw new InvalidOperationException($"The feed failed: {json.RootElement.GetRawText()[..300]}");
            }

            var changes = data.GetProperty("changes");
            events += changes.GetProperty("edges").GetArrayLength();
            pages++;
            var info = changes.GetProperty("pageInfo");
            after = info.GetProperty("endCursor").GetString() ?? after;
            if (!info.GetProperty("hasNextPage").GetBoolean())
            {
                return (events, pages);
            }
        }
    }

    // Tops the table up to the wanted number of events: kinds in turn over the enterprises, reasons taken from the
    // stored class history so each reader's masking works on real tagged parts.
    private static async Task<int> BacklogAsync(IServiceProvider services, int wanted)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
        var have = await db.ChangeEvents.CountAsync();
        if (have >= wanted)
        {
            return have;
        }

        var enterprises = await db.Enterprises.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.CreditCode, e.CountyCode }).ToListAsync();
        var reasons = await db.EnterpriseAssessments.AsNoTracking().OrderBy(a => a.Id).Take(200)
            .Select(a => a.Reason).ToListAsync();
        var kinds = Enum.GetValues<ChangeKind>().Where(k => k != ChangeKind.ProductTier).ToArray();
        var now = DateTime.UtcNow;
        Console.Error.WriteLine($"Writing {wanted - have:N0} events…");
        for (var k = have; k < wanted; k += 5_000)
        {
            db.ChangeTracker.Clear();
            for (var j = k; j < Math.Min(wanted, k + 5_000); j++)
            {
                var e = enterprises[j % enterprises.Count];
                db.ChangeEvents.Add(new ChangeEvent
                {
                    Kind = kinds[j % kinds.Length], EnterpriseId = e.Id, CreditCode = e.CreditCode,
                    CountyCode = e.CountyCode, OldValue = "B", NewValue = "C",
                    EffectiveFrom = DateOnly.FromDateTime(now), Correction = j % 10 == 0,
                    Reason = reasons[j % reasons.Count], RecordedAtUtc = now,
                });
            }

            await db.SaveChangesAsync();
        }

        return wanted;
    }
}
