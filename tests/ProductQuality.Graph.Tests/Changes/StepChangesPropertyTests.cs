using ProductQuality.Graph.Changes;

namespace ProductQuality.Graph.Tests.Changes;

/// <summary>
/// The feed's promise as a property over seeded random histories: a partner that held what the feed said (the
/// stored history) and applies the events of a re-evaluation as documented — from each event's date on, its new
/// value — holds the history as it stands after it. Histories may start later or be empty (an assured title, a
/// blacklisting that a same-day write takes back), when the value in force is the kind's initial one.
/// </summary>
public sealed class StepChangesPropertyTests
{
    private const string Initial = "NONE";
    private static readonly DateOnly Today = new(2026, 12, 6);
    private static readonly string[] Values = ["A", "B", "C"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Applying_the_events_to_what_the_feed_said_gives_the_history_now(int seed)
    {
        var random = new Random(seed);
        for (var run = 0; run < 3000; run++)
        {
            var stored = History(random);
            var current = random.Next(4) == 0 ? Revise(random, stored) : History(random);
            var changes = StepChanges.Between(stored, current, Today, Today, "retracted", "replaced", Initial);

            var held = Timeline(stored);
            foreach (var change in changes)
            {
                Assert.True(change.New is not null, $"run {run}: an event without a value");
                foreach (var day in held.Keys.Where(d => d >= change.From).ToList())
                {
                    held.Remove(day);
                }

                // A row's reason explains its step from the value before it: an event from any other value (one the
                // revision replaced on that date) is said to be the correction.
                if (change.Correction && change.Reason == "r")
                {
                    Assert.Equal(Timeline(current).LastOrDefault(c => c.Key < change.From).Value ?? Initial,
                        change.Old ?? Initial);
                }

                held[change.From] = change.New;
                Assert.Equal(change.From < Today, change.Correction);
            }

            Assert.True(Collapse(held).SequenceEqual(Timeline(current)),
                $"run {run}: stored {Show(stored)}, current {Show(current)}, events "
                + string.Join(", ", changes.Select(c => $"{c.From}:{c.Old}->{c.New}")));
        }
    }

    [Fact]
    public void A_value_taken_back_with_nothing_before_it_restores_the_initial_value()
    {
        List<Step> granted = [new(Today, "GRANTED", Today.AddYears(1), "granted")];

        var change = Assert.Single(StepChanges.Between(granted, [], Today, Today, "retracted", "replaced", "REVOKED"));

        Assert.Equal(("GRANTED", "REVOKED", "replaced", false),
            (change.Old, change.New, change.Reason, change.Correction));
    }

    [Fact]
    public void A_late_fact_that_changes_a_reported_value_is_said_to_be_the_correction()
    {
        var (since, upgraded) = (Today.AddDays(-300), Today.AddDays(-280));
        List<Step> stored = [new(since, "B", null, "downgraded"), new(upgraded, "AA", null, "upgraded")];
        List<Step> current = [new(since, "B", null, "downgraded"), new(upgraded, "A", null, "upgraded")];

        var change = Assert.Single(StepChanges.Between(stored, current, Today, Today, "retracted", "replaced", null));

        Assert.Equal(("AA", "A", "retracted", true), (change.Old, change.New, change.Reason, change.Correction));
    }

    [Fact]
    public void A_change_of_today_taken_back_the_same_day_says_why_with_the_day_s_evaluation()
    {
        var before = Today.AddDays(-30);
        List<Step> stored = [new(before, "A", null, "earlier"), new(Today, "AA", null, "upgraded")];
        List<Step> current = [new(before, "A", null, "earlier"), new(Today, "A", null, "penalty")];

        var change = Assert.Single(StepChanges.Between(stored, current, Today, Today, "retracted", "replaced", null));

        Assert.Equal(("AA", "A", "penalty"), (change.Old, change.New, change.Reason));
        // Without a row of its own that day, the neutral sentence.
        Assert.Equal("replaced", Assert.Single(StepChanges.Between(stored, current.Take(1).ToList(), Today, Today,
            "retracted", "replaced", null)).Reason);
    }

    [Fact]
    public void A_change_of_today_taken_back_without_a_row_of_its_kind_gives_the_day_s_reason()
    {
        var granted = Today.AddDays(-100);
        List<Step> stored = [new(granted, "GRANTED", null, "granted"), new(Today, "REVOKED", null, "listed")];
        List<Step> current = [new(granted, "GRANTED", null, "granted")];

        var change = Assert.Single(StepChanges.Between(stored, current, Today, Today, "retracted", "replaced",
            "REVOKED",
            dayReason: "listing withdrawn"));

        Assert.Equal(("REVOKED", "GRANTED", "listing withdrawn"), (change.Old, change.New, change.Reason));
    }

    // Steps on random days up to today, several on a day at times (the last of a day counts), values repeating.
    private static List<Step> History(Random random)
    {
        var steps = new List<Step>();
        var day = Today.AddDays(-random.Next(0, 40));
        for (var n = random.Next(0, 6); n > 0; n--)
        {
            steps.Add(new Step(day, Values[random.Next(Values.Length)], null, "r"));
            day = day.AddDays(random.Next(0, 3) == 0 ? 0 : random.Next(1, 10));
            if (day > Today)
            {
                break;
            }
        }

        return steps;
    }

    // The same history from a random point on, rewritten (what a late fact or a same-day write does).
    private static List<Step> Revise(Random random, List<Step> stored)
    {
        var keep = random.Next(0, stored.Count + 1);
        var revised = stored.Take(keep).ToList();
        var day = revised.Count > 0 ? revised[^1].From : Today.AddDays(-random.Next(0, 40));
        for (var n = random.Next(0, 3); n > 0 && day <= Today; n--)
        {
            revised.Add(new Step(day, Values[random.Next(Values.Length)], null, "r"));
            day = day.AddDays(random.Next(0, 5));
        }

        return revised;
    }

    private static SortedDictionary<DateOnly, string> Timeline(List<Step> steps)
    {
        var timeline = new SortedDictionary<DateOnly, string>();
        foreach (var step in steps)
        {
            timeline[step.From] = step.Value;
        }

        return Collapse(timeline);
    }

    // Only the dates the value changes, the initial value before any step left implicit.
    private static SortedDictionary<DateOnly, string> Collapse(SortedDictionary<DateOnly, string> timeline)
    {
        var changes = new SortedDictionary<DateOnly, string>();
        var last = Initial;
        foreach (var (day, value) in timeline)
        {
            if (value != last)
            {
                changes[day] = value;
                last = value;
            }
        }

        return changes;
    }

    private static string Show(List<Step> steps) => "[" + string.Join(", ", steps.Select(s => $"{s.From}:{s.Value}"))
        + "]";
}
