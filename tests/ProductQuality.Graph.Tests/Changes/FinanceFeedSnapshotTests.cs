using Newtonsoft.Json.Linq;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.Recording;
using Snapshooter.Xunit;

namespace ProductQuality.Graph.Tests.Changes;

/// <summary>
/// What a bank's system reads from the feed after a day of the regulator's work — a sampling, a late sampling that
/// revises the past, a listing of an assured enterprise, a tier override — as a reviewed snapshot. Its own server, so
/// the feed holds these writes only; cursors are replaced by their place in the page, recording times left out.
/// </summary>
public sealed class FinanceFeedSnapshotTests(ChangeFeedServerFactory factory) : IClassFixture<ChangeFeedServerFactory>
{
    private const string Document = """
        query($after: String) { changes(after: $after, first: 100) {
          edges { node { kind creditCode productCode oldValue newValue effectiveFrom validUntil correction reason } }
          pageInfo { hasNextPage } } }
        """;

    [Fact]
    public async Task What_finance_reads_of_a_day_of_writes_matches_snapshot()
    {
        var (code, product, _) = await factory.EnterpriseAsync(5, county: "330424");
        var (assured, _, _) = await factory.EnterpriseAsync(2, county: "330482", assured: true);
        var tiered = await factory.GeneralProductAsync(3);
        await factory.FailedSamplingAsync("samr-330424", code, product, WriteData.Today);
        await factory.FailedSamplingAsync("samr-330424", code, product, "2026-04-09");
        await factory.ListAsync("samr-jiaxing", assured, number: "嘉市监黑决〔2026〕17号");
        await factory.OverrideTierAsync(tiered, "ELEVATED");

        var reply = (await factory.ClientFor("finance").PostAsync(Document)).EnsureData();

        Snapshot.Match(JToken.Parse(reply.Data.GetRawText()));
    }
}
