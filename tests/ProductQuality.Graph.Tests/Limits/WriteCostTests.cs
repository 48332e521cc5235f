using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.Recording;

namespace ProductQuality.Graph.Tests.Limits;

/// <summary>
/// A write re-evaluates its enterprise in a transaction of its own (about 160 ms), holding the write lock: priced as
/// the rows of its payload, 148 aliased writes in one document were admitted, ran past the execution timeout after
/// recording 133 of them, and held other departments' reads for 10 s (the cost probe). Each write now counts
/// GraphQL:Limits:WriteCost (10,000) rows, so a document of too many writes is refused before any runs.
/// </summary>
[Collection(WritableServerCollection.Name)]
public sealed class WriteCostTests(WritableServerFactory factory)
{
    [Fact]
    public async Task A_document_of_too_many_writes_is_refused_before_any_runs()
    {
        var (code, product, _) = await factory.EnterpriseAsync(5);
        var before = await factory.DbAsync(db => db.Complaints.CountAsync());
        var writes = string.Join(" ", Enumerable.Range(0, 6).Select(i => $$"""
            w{{i}}: recordValidComplaint(input: { idempotencyKey: "cost-{{Guid.NewGuid():N}}", creditCode: "{{code}}",
              productCode: "{{product}}", foundValidOn: "2026-11-10", summary: "probe complaint" }) { replayed }
            """));

        var reply = await factory.ClientFor("samr-jiaxing").PostAsync("mutation { " + writes + " }");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("QUERY_TOO_COMPLEX", reply.FirstErrorCode);
        // Six writes, and a row for each payload.
        Assert.Equal(60_006,
            reply.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("cost").GetInt64());
        Assert.Contains("Each write counts 10,000 rows for the re-evaluation it runs: send fewer writes in one request "
            + "(up to 4 fit)", reply.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Equal(before, await factory.DbAsync(db => db.Complaints.CountAsync()));
    }

    /// <summary>A query's fields are no writes: the same shape of root fields is priced as rows.</summary>
    [Fact]
    public async Task Six_root_fields_of_a_query_cost_their_rows_only()
    {
        var reply = await factory.ClientFor("samr-jiaxing").PostAsync("{ " + string.Join(" ",
            Enumerable.Range(0, 6).Select(i => $"p{i}: productCategories {{ code }}")) + " }");
        reply.EnsureData();
    }
}
