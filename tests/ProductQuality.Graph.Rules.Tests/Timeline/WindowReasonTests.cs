using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Timeline;
using static ProductQuality.Graph.Rules.Tests.Given;

namespace ProductQuality.Graph.Rules.Tests.Timeline;

/// <summary>
/// A history row made because a fact left its window says which fact and of what date, as a sampling's does: a
/// complaint's or a decision's once read "复核 scheduled review", a review that never happened, or gave no cause.
/// Tagged as the fact's own clause is when it enters (enforcement), so only a reader of that fact reads it.
/// </summary>
public class WindowReasonTests
{
    private const string ScheduledReview = "复核 scheduled review";

    [Theory]
    [InlineData("2024-06-01", "2025-06-01")]
    [InlineData("2024-02-29", "2025-03-01")]
    public void A_complaint_leaving_its_window_is_the_reason(string complaint, string leaves)
    {
        var result = new Story().Sampled("2024-03-01").Complaint(complaint).Replay("2026-06-30");

        var row = result.Records.Single(r => r.EffectiveFrom == D(leaves));
        Assert.Contains(row.Reason, p => p.Text == $"valid complaint (有效投诉) of {complaint} left the 1-year window"
            && p.Groups.SequenceEqual([FactGroup.Enforcement]));
        Assert.DoesNotContain(row.Reason, p => p.Text == ScheduledReview);
    }

    [Theory]
    [InlineData(EnforcementKind.Penalty, 3, "2024-06-01", "2027-06-02", "administrative penalty (行政处罚)")]
    [InlineData(EnforcementKind.Penalty, 1, "2024-02-29", "2025-03-01", "administrative penalty (行政处罚)")]
    [InlineData(EnforcementKind.UnlicensedProduction, 1, "2024-06-01", "2025-06-02", "unlicensed production (无证生产)")]
    public void A_decision_leaving_its_window_is_the_reason(
        EnforcementKind kind, int years, string decided, string leaves, string named)
    {
        var options = Options(o => o.EnterpriseClass.SamplingWindowYears = years);
        var result = new Story().Sampled("2024-03-01").Decided(decided, kind).Replay("2028-06-30", options);

        var row = result.Records.Single(r => r.EffectiveFrom == D(leaves));
        Assert.Contains(row.Reason, p =>
            p.Text == $"enforcement decision (处罚决定) of {decided}, {named}, left the {years}-year window"
            && p.Groups.SequenceEqual([FactGroup.Enforcement]));
        Assert.DoesNotContain(row.Reason, p => p.Text == ScheduledReview);
    }
}
