using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ProductQuality.Graph.Bench.Load;

/// <summary>
/// The measured scenarios, in pairs: GraphQL and its plain twin over the same keys. Request bodies and URLs are built
/// once, up front, so the client spends as little of the shared CPU as possible per request.
/// </summary>
internal static class Scenarios
{
    public const string StatusPair = "status";
    public const string PagePair = "page";
    public const string AsOfPair = "asOf";

    /// <summary>The page with each enterprise's latest inspection: against its plain twin and the page alone.</summary>
    public const string PageLatestPair = "page + latest inspection";

    /// <summary>
    /// The writer of <c>--writes</c>: its statements are not counted per request (the counter serves the readers).
    /// </summary>
    public const string WritesPair = "writes";
    private const string GraphQLResponse = "application/graphql-response+json";

    public static IReadOnlyList<Scenario> All(BenchData data, bool baseline, string token)
    {
        var authorization = "Bearer " + token;
        var codes = data.CreditCodes;
        var counties = data.Counties;
        var statusBodies = codes.Select(code => Body(Queries.Status, new { code })).ToArray();
        // A year back: most seeded enterprises were assessed by then; those that were not answer null.
        var yearAgo = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-1)
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var asOfBodies = codes.Select(code => Body(Queries.StatusAsOf, new { code, day = yearAgo })).ToArray();
        var pageBodies = counties.Select(county => Body(Queries.Page, new { county })).ToArray();
        var statusUrls = codes.Select(code => new Uri($"/plain/enterprise/{code}", UriKind.Relative)).ToArray();
        var pageUrls = counties
            .Select(county => new Uri($"/plain/enterprises?county={county}&first=100", UriKind.Relative))
            .ToArray();
        var latestBodies = counties.Select(county => Body(Queries.PageLatest, new { county })).ToArray();
        var latestUrls = counties
            .Select(county => new Uri($"/plain/enterprises?county={county}&first=100&latest=1", UriKind.Relative))
            .ToArray();

        var scenarios = new List<Scenario>
        {
            new("GraphQL status", StatusPair, true, n => Post(statusBodies[n % codes.Count], authorization),
                (n, root) => CheckStatus(
                    root.GetProperty("data").GetProperty("enterprise"), codes[(int)(n % codes.Count)])),
            new("plain status", StatusPair, false, n => Get(statusUrls[n % codes.Count]),
                (n, root) => CheckStatus(root, codes[(int)(n % codes.Count)])),
            new("GraphQL page", PagePair, true, n => Post(pageBodies[n % counties.Count], authorization),
                (n, root) => CheckPage(root.GetProperty("data").GetProperty("enterprises").GetProperty("edges"),
                    data.ExpectedPageSize(counties[(int)(n % counties.Count)]), true)),
            new("plain page", PagePair, false, n => Get(pageUrls[n % counties.Count]),
                (n, root) => CheckPage(root.GetProperty("items"),
                    data.ExpectedPageSize(counties[(int)(n % counties.Count)]), false)),
            new("GraphQL page + latest inspection", PageLatestPair, true,
                n => Post(latestBodies[n % counties.Count], authorization),
                (n, root) => CheckPage(root.GetProperty("data").GetProperty("enterprises").GetProperty("edges"),
                    data.ExpectedPageSize(counties[(int)(n % counties.Count)]), true, latest: true)),
            new("plain page + latest inspection", PageLatestPair, false, n => Get(latestUrls[n % counties.Count]),
                (n, root) => CheckPage(root.GetProperty("items"),
                    data.ExpectedPageSize(counties[(int)(n % counties.Count)]), false, latest: true)),
            new($"GraphQL status asOf {yearAgo}", AsOfPair, true,
                n => Post(asOfBodies[n % codes.Count], authorization),
                (n, root) => root.GetProperty("data").GetProperty("enterprise") is { ValueKind: JsonValueKind.Null }
                    ? null
                    : CheckStatus(root.GetProperty("data").GetProperty("enterprise"), codes[(int)(n % codes.Count)])),
        };

        if (baseline)
        {
            var typename = Body(Queries.Typename, null);
            scenarios.Add(new("GraphQL { __typename }", "baseline", true, _ => Post(typename, authorization),
                (_, root) => root.GetProperty("data").GetProperty("__typename").GetString() == "Query"
                    ? null
                    : "wrong __typename"));
        }

        return scenarios;
    }

    private static byte[] Body(string query, object? variables) =>
        JsonSerializer.SerializeToUtf8Bytes(new { query, variables });

    private static HttpRequestMessage Post(byte[] body, string authorization)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.TryAddWithoutValidation("Accept", GraphQLResponse);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }

    private static HttpRequestMessage Get(Uri url) => new(HttpMethod.Get, url);

    private static string? CheckStatus(JsonElement enterprise, string code)
    {
        if (enterprise.ValueKind != JsonValueKind.Object || enterprise.GetProperty("creditCode").GetString() != code)
        {
            return $"status of {code}: wrong or missing enterprise";
        }

        return enterprise.GetProperty("products").GetArrayLength() == 0 ? $"status of {code}: no products"
            : enterprise.GetProperty("inspections").GetArrayLength() > 3 ? $"status of {code}: more than 3 inspections"
            : null;
    }

    private static string? CheckPage(JsonElement rows, int expected, bool edges, bool latest = false)
    {
        if (rows.GetArrayLength() != expected)
        {
            return $"page: {rows.GetArrayLength()} rows, expected {expected}";
        }

        var nodes = rows.EnumerateArray().Select(r => edges ? r.GetProperty("node") : r).ToList();
        var withoutProducts = nodes.Count(n => n.GetProperty("products").GetArrayLength() == 0);
        var overLimit = latest ? nodes.Count(n => n.GetProperty("inspections").GetArrayLength() > 1) : 0;
        return withoutProducts > 0 ? $"page: {withoutProducts} enterprises without products"
            : overLimit > 0 ? $"page: {overLimit} enterprises with more than their latest inspection"
            : null;
    }
}
