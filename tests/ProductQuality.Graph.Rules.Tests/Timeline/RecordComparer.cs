using ProductQuality.Graph.Rules.Timeline;

namespace ProductQuality.Graph.Rules.Tests.Timeline;

/// <summary>
/// Compares timeline records by value: records hold lists (reason parts, explanations), which records compare by
/// reference, so the lists are compared by their texts and tags.
/// </summary>
internal sealed class RecordComparer : IEqualityComparer<AssessmentRecord>
{
    public bool Equals(AssessmentRecord? x, AssessmentRecord? y) =>
        x is not null && y is not null && Key(x) == Key(y);

    public int GetHashCode(AssessmentRecord obj) => obj.EffectiveFrom.GetHashCode();

    private static string Key(AssessmentRecord r) => string.Join("|",
        r.EffectiveFrom, r.Class, r.HealthCode, r.MapColour, r.QualityIndex, r.IsOverride, r.OverrideExpiresOn,
        r.RulesVersion, r.IndexExplanation.Summary,
        string.Join(";", r.Reason.Select(p => p.Text + "#" + string.Join(",", p.Groups))),
        string.Join(";", r.ClassExplanations.Select(e => e.Summary)));
}
