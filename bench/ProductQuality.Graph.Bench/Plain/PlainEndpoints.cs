using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Enterprises;

namespace ProductQuality.Graph.Bench.Plain;

/// <summary>
/// Minimal-API twins of the two GraphQL operations under test: same EF statements (<see cref="PlainQueries"/>), same
/// request-scoped DbContext holding one connection for them, System.Text.Json with the same relaxed encoder and enum
/// spelling, and no GraphQL in between.
/// </summary>
internal static class PlainEndpoints
{
    private const int MaxPageSize = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };

    public static WebApplication MapPlainComparison(this WebApplication app)
    {
        app.MapGet("/plain/enterprise/{code}", (string code, ProductQualityDbContext db, CancellationToken ct) =>
            HeldAsync(db, () => StatusAsync(code, db, ct)));
        app.MapGet("/plain/enterprises", (string? county, int? first, int? latest, ProductQualityDbContext db,
            CancellationToken ct) => HeldAsync(db, () => PageAsync(county, first, latest, db, ct)));
        return app;
    }

    // One connection for the request's statements, as the GraphQL endpoint holds it.
    private static async Task<IResult> HeldAsync(ProductQualityDbContext db, Func<Task<IResult>> handle)
    {
        db.HoldConnection();
        try
        {
            return await handle();
        }
        finally
        {
            await db.ReleaseConnectionAsync();
        }
    }

    private static async Task<IResult> StatusAsync(string code, ProductQualityDbContext db, CancellationToken ct)
    {
        var check = CreditCode.Validate(code);
        if (!check.IsValid)
        {
            return Results.Json(new { code = "INVALID_CREDIT_CODE", message = check.Problem }, Json,
                statusCode: StatusCodes.Status400BadRequest);
        }

        var enterprise = await PlainQueries.EnterpriseAsync(db, code, ct);
        if (enterprise is null)
        {
            return Results.NotFound();
        }

        List<int> ids = [enterprise.Id];
        var products = await PlainQueries.ProductsAsync(db, ids, ct);
        var inspections = (await PlainQueries.InspectionsAsync(db, ids, 3, ct))
            .OrderByDescending(i => i.SampledOn).ThenByDescending(i => i.Id);
        return Results.Json(PlainStatus.From(enterprise, products[enterprise.Id], inspections), Json);
    }

    // latest=N: each enterprise's N newest inspections too (inspections(limit: N) on the GraphQL side).
    private static async Task<IResult> PageAsync(
        string? county, int? first, int? latest, ProductQualityDbContext db, CancellationToken ct)
    {
        var size = first ?? 50;
        if (string.IsNullOrEmpty(county) || size is < 0 or > MaxPageSize || latest is < 1 or > 10)
        {
            var message = $"county is required, first must be 0–{MaxPageSize} and latest 1–10.";
            return Results.Json(new { code = "INVALID_ARGUMENT", message }, Json,
                statusCode: StatusCodes.Status400BadRequest);
        }

        var rows = size == 0 ? [] : await PlainQueries.PageAsync(db, county, size, ct);
        var page = rows.Take(size).ToList();
        var ids = page.ConvertAll(e => e.Id);
        var products = page.Count == 0 ? null : await PlainQueries.ProductsAsync(db, ids, ct);
        var inspections = page.Count == 0 || latest is not { } limit ? null
            : (await PlainQueries.InspectionsAsync(db, ids, limit, ct))
                .OrderByDescending(i => i.SampledOn).ThenByDescending(i => i.Id).ToLookup(i => i.EnterpriseId);
        var items = page.ConvertAll(e => PlainPageItem.From(e, products![e.Id], inspections?[e.Id]));
        return Results.Json(new PlainPage(items, rows.Count > size), Json);
    }
}
