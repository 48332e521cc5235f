using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Rules.Blacklist;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Blacklist;

/// <summary>
/// A listing's explanation states what held on its day: it counted every rectification order and failed sampling
/// the enterprise would ever have (316 of 331 seeded listings counted later orders; an asOf reader learnt of them),
/// and a listing after a removal repeated the triggers the removal had closed. Checked over every listing the rule
/// derived in the test data set, against the facts stored.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ListingExplanationTests(GraphServerFactory factory)
{
    [Fact]
    public async Task Every_derived_listing_counts_only_the_facts_of_its_day_and_none_of_a_closed_listing()
    {
        var (listings, inspections) = await factory.DbAsync(async db => (
            await db.BlacklistEvents.AsNoTracking().Where(b => b.Source == BlacklistEventSource.Rule)
                .OrderBy(b => b.EnterpriseId).ThenBy(b => b.OccurredOn).ThenBy(b => b.Id).ToListAsync(),
            await db.Inspections.AsNoTracking().Where(i => !i.Passed)
                .Select(i => new { i.EnterpriseId, i.SampledOn, i.RectificationOrderedOn }).ToListAsync()));
        var failedOf = inspections.ToLookup(i => i.EnterpriseId);
        var wrong = new List<string>();
        var checkedListings = 0;
        foreach (var events in listings.GroupBy(b => b.EnterpriseId))
        {
            DateOnly? removedOn = null;
            foreach (var e in events)
            {
                if (e.Kind == BlacklistEventKind.Removed)
                {
                    removedOn = e.OccurredOn;
                    continue;
                }

                checkedListings++;
                var explanation = ExplanationJson.Read(e.Explanation)!;
                var failed = failedOf[e.EnterpriseId].ToList();
                var orders = failed.Count(i => i.RectificationOrderedOn <= e.OccurredOn);
                var failures = failed.Count(i => i.SampledOn <= e.OccurredOn);
                string Value(string name) => explanation.Factors.Single(f => f.Name.StartsWith(name,
                    StringComparison.Ordinal)).Value;
                if (Value("rectification orders") != Count(orders)
                    || Value("failed sampling records") != Count(failures))
                {
                    wrong.Add($"{e.EnterpriseId} {e.OccurredOn:yyyy-MM-dd}: {Value("rectification orders")} orders, "
                        + $"{Value("failed sampling records")} failures; {orders} and {failures} by then");
                }

                const string ListedFrom = "listed from ";
                var closed = explanation.Factors.Where(f => f.Effect.StartsWith(ListedFrom, StringComparison.Ordinal)
                    && DateOnly.Parse(f.Effect[ListedFrom.Length..], CultureInfo.InvariantCulture) <= removedOn);
                wrong.AddRange(closed.Select(f => $"{e.EnterpriseId} {e.OccurredOn:yyyy-MM-dd}: cites {f.Effect}, "
                    + $"closed by the removal of {removedOn:yyyy-MM-dd}"));
            }
        }

        Assert.True(checkedListings > 20, $"only {checkedListings} derived listings in the test data");
        Assert.True(wrong.Count == 0, $"{wrong.Count} listings state facts of another day:\n"
            + string.Join("\n", wrong.Take(20)));
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
