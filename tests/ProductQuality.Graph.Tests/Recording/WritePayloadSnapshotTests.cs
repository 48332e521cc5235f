using Snapshooter.Xunit;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Recording;

/// <summary>The payload a county bureau's system sees for a recorded failed sampling, as a reviewed snapshot.</summary>
[Collection(WritableServerCollection.Name)]
public sealed class WritePayloadSnapshotTests(WritableServerFactory factory)
{
    [Fact]
    public async Task Failed_sampling_payload_matches_snapshot()
    {
        var (code, product, county) = await factory.EnterpriseAsync(5, county: "330421");
        var request = new
        {
            input = new
            {
                idempotencyKey = "snapshot-1", creditCode = code, productCode = product, batch = "2026-09-15/A3",
                specModel = "220V 10A", level = "COUNTY",
                lab = "嘉善县质量技术监督检测中心", reportNumber = "JS-2026-SNAP-0001", sampledOn = "2026-11-18", passed = false,
                failedItems = new object[] { new { name = "标志和说明", safetyItem = false },
                    new { name = "防触电保护", safetyItem = true } },
                rectificationOrderedOn = "2026-11-25",
            },
        };
        const string document = """
            mutation($input: RecordSamplingInput!) { recordSampling(input: $input) {
              replayed
              inspection { reportNumber sampledOn batch specModel level lab passed failedItems { name safetyItem }
                rectificationOrderedOn product { code name } }
              enterprise { creditCode name county { code } class healthCode blacklisted overrideRevision
                classOverride { class } }
              product { code tier overrideRevision } } }
            """;

        var reply = (await factory.ClientFor("samr-" + county).PostAsync(document, request)).EnsureData();

        Snapshot.Match(Newtonsoft.Json.Linq.JToken.Parse(reply.Body));
    }
}
