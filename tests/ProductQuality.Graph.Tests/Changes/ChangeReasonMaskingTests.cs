using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Changes;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Changes;

/// <summary>
/// A property over every event and every department (and the public): an event is in a reader's feed exactly when
/// its kind's group is in the reader's contract and its row in the reader's scope, and its reason states no fact of
/// a group the contract cannot read — only the stored parts it may read, or the neutral sentence.
/// </summary>
[Collection(ChangeFeedServerCollection.Name)]
public sealed class ChangeReasonMaskingTests(ChangeFeedServerFactory factory)
{
    [Fact]
    public async Task Every_reader_gets_exactly_its_events_and_only_the_reason_parts_it_may_read()
    {
        var (code, product, _) = await factory.EnterpriseAsync(2, county: "330483");
        var (assured, _, _) = await factory.EnterpriseAsync(1, county: "330483", assured: true);
        await factory.FailedSamplingAsync("samr-330483", code, product, "2026-11-19");
        await factory.FailedSamplingAsync("samr-330483", code, product, "2026-03-02");
        await factory.ListAsync("samr-330483", assured);
        var stored = await factory.DbAsync(db => db.ChangeEvents.AsNoTracking().OrderBy(c => c.Id).ToListAsync());
        var policy = factory.Services.GetRequiredService<AccessPolicy>();
        Assert.Contains(stored, e => e.Correction);

        foreach (var department in policy.Departments.Append(null))
        {
            var audience = department is null ? policy.Public : policy.ForDepartment(department)!;
            var read = await Feed.ReadAllAsync(factory.ClientFor(department), null, 500);
            var county = audience.Rows.County;
            var expected = stored.Where(e => ChangeKinds.ReadableBy(audience.Contract).Contains(e.Kind)
                && (county is null || e.CountyCode is null || e.CountyCode == county)).ToList();
            Assert.Equal(expected.Select(e => e.Id), read.Select(e => Feed.Position(factory, e.Cursor())));
            foreach (var (row, answer) in expected.Zip(read))
            {
                AssertReason(audience, row, answer.GetProperty("reason").GetString()!, department);
            }
        }
    }

    private static void AssertReason(Audience audience, ChangeEvent row, string reason, string? department)
    {
        var contract = audience.Contract;
        var parts = ReasonJson.Read(row.Reason)!;
        // A grading's reason that says a fact of the product came or went is read only by a reader of all its facts.
        var visible = parts.Where(p => contract.Reads(p)
                && (row.Kind != ChangeKind.ProductTier || TierReasons.Reads(audience, p.Text)))
            .Select(p => p.Text).ToList();
        var neutral = ChangeKinds.NeutralReason(row.Kind, row.NewValue);
        Assert.Equal(visible.Count == 0 ? neutral : string.Join("; ", visible), reason);
        foreach (var hidden in parts.Select(p => p.Text).Except(visible))
        {
            Assert.False(reason.Contains(hidden, StringComparison.Ordinal),
                $"{department ?? "public"} reads '{hidden}' in the reason of event {row.Id}: {reason}");
        }
    }
}
