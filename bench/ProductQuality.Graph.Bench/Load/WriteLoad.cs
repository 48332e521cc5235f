using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure.Clock;

namespace ProductQuality.Graph.Bench.Load;

/// <summary>
/// A write's latency under a steady read load: one writer records a sampling (every fifth one failed, so some
/// re-evaluations change classes and region counts) through <c>recordSampling</c>, pausing between writes, while the
/// closed-loop readers run the status query. Each write is a real fact: the bench database grows with every run.
/// </summary>
internal sealed class WriteLoad(HttpClient client, string token,
    IReadOnlyList<(string CreditCode, string Product)> targets, DateOnly today, TimeSpan pause)
{
    private const string Mutation = """
        mutation($input: RecordSamplingInput!) {
          recordSampling(input: $input) { replayed enterprise { class healthCode mapColour qualityIndex } }
        }
        """;

    /// <summary>Enterprises to write about, spread over the table, each with a product it makes.</summary>
    public static async Task<List<(string, string)>> TargetsAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
        var rows = await db.Enterprises.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new
            {
                e.CreditCode,
                Product = db.EnterpriseProducts.Where(p => p.EnterpriseId == e.Id).Select(p => p.ProductCode).First(),
            })
            .ToListAsync();
        var step = Math.Max(1, rows.Count / 500);
        return rows.Where((_, i) => i % step == 0).Select(r => (r.CreditCode, r.Product)).ToList();
    }

    public static DateOnly Today(IServiceProvider services) => services.GetRequiredService<BureauClock>().Today;

    public async Task<ScenarioResult> RunAsync(Scenario scenario, TimeSpan duration)
    {
        var ticks = new List<long>();
        var problems = new List<string>();
        long errors = 0;
        var run = Guid.NewGuid().ToString("N")[..8];
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        for (var n = 0; Stopwatch.GetTimestamp() < deadline; n++)
        {
            using var request = Request(run, n);
            var start = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var elapsed = Stopwatch.GetTimestamp() - start;
            if (response.IsSuccessStatusCode && !body.Contains("\"errors\"", StringComparison.Ordinal))
            {
                ticks.Add(elapsed);
            }
            else
            {
                errors++;
                problems.Add($"HTTP {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
            }

            await Task.Delay(pause);
        }

        ticks.Sort();
        return new ScenarioResult(scenario, [.. ticks], errors, Stopwatch.GetElapsedTime(started), 0,
            problems.Distinct().Take(5).ToList());
    }

    private HttpRequestMessage Request(string run, int n)
    {
        var (code, product) = targets[n % targets.Count];
        var passed = n % 5 != 0;
        var input = new
        {
            idempotencyKey = $"bench-{run}-{n}", creditCode = code, productCode = product,
            batch = "BENCH-" + n.ToString(CultureInfo.InvariantCulture),
            specModel = "bench", level = "CITY", lab = "bench lab", reportNumber = $"BENCH{run}{n:D7}",
            sampledOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            passed, failedItems = passed ? null : new[] { new { name = "标志和说明", safetyItem = false } },
        };
        var content = new ByteArrayContent(
            JsonSerializer.SerializeToUtf8Bytes(new { query = Mutation, variables = new { input } }));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.TryAddWithoutValidation("Accept", "application/graphql-response+json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
