using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Timeline;
using ProductQuality.Graph.Tests.Assessment;

namespace ProductQuality.Graph.Tests.Maintenance;

/// <summary>
/// The next due day over the seeded data set, every enterprise of it: replayed on that day the enterprise differs
/// (another cached value, history row or explanation), and replayed on any day before it — the day after today, the
/// day before it and days in between — it does not. An enterprise with no next due day does not change for two years.
/// </summary>
public sealed class NextDuePropertyTests(SeededTemplate template) : IClassFixture<SeededTemplate>
{
    private static readonly DateOnly Today = SeededTemplate.Today;

    [Fact]
    public async Task Every_seeded_enterprise_changes_on_its_next_due_day_and_not_before()
    {
        await using var db = SeededTemplate.Open(template.Copy());
        var stored = await db.Enterprises.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.NextDueOn);
        var facts = await EnterpriseFactLoader.LoadAsync(db, stored.Keys.ToList(), CancellationToken.None);
        var tiers = await TierTimelineLoader.LoadAsync(db, null, CancellationToken.None);
        var rules = new RulesOptions();
        ReplayResult On(DateOnly day, EnterpriseFactSet f) => new EnterpriseReplay(rules, tiers, day, c => c).Replay(f);

        var due = 0;
        foreach (var (id, f) in facts)
        {
            var now = On(Today, f);
            Assert.Equal(now.NextDue, stored[id]);
            var last = now.NextDue?.AddDays(-1) ?? Today.AddYears(2);
            var span = last.DayNumber - Today.DayNumber;
            foreach (var day in new[] { Today.AddDays(1), last, Today.AddDays(span / 3), Today.AddDays(2 * span / 3) }
                .Where(d => d > Today && d <= last).Distinct())
            {
                Assert.True(Same(now, On(day, f), day),
                    $"enterprise {id} changed on {day:yyyy-MM-dd}, before its next due day {now.NextDue:yyyy-MM-dd}");
            }

            if (now.NextDue is { } next)
            {
                due++;
                Assert.False(Same(now, On(next, f), next),
                    $"enterprise {id} did not change on its next due day {next:yyyy-MM-dd}");
            }
        }

        // Not a vacuous property: most of the data set has a day ahead on which something changes.
        Assert.True(due > facts.Count / 3, $"{due} of {facts.Count} enterprises have a next due day");
    }

    // The explanations served as the day's count too: a sampling leaving the window changes them with no value.
    private static bool Same(ReplayResult a, ReplayResult later, DateOnly day) =>
        a.StateOn(a.Final.AsOf) == later.StateOn(day) &&
        ExplanationEquality.Same(a.Final.ClassExplanations, later.Final.ClassExplanations) &&
        ExplanationEquality.Same(a.Final.QualityIndex.Explanation, later.Final.QualityIndex.Explanation) &&
        a.Records.Select(Key).SequenceEqual(later.Records.Select(Key)) &&
        a.Listings.Select(l => (l.Kind, l.OccurredOn))
            .SequenceEqual(later.Listings.Select(l => (l.Kind, l.OccurredOn))) &&
        a.Assured.Select(e => (e.Kind, e.OccurredOn, e.ValidUntil))
            .SequenceEqual(later.Assured.Select(e => (e.Kind, e.OccurredOn, e.ValidUntil)));

    private static (DateOnly, Rules.Common.EnterpriseClass, Rules.Common.FourColor, Rules.Common.FourColor, int, bool)
        Key(AssessmentRecord r) => (r.EffectiveFrom, r.Class, r.HealthCode, r.MapColour, r.QualityIndex, r.IsOverride);
}
