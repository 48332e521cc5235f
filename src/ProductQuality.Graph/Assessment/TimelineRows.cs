using ProductQuality.Graph.Assured;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Rules.Timeline;

namespace ProductQuality.Graph.Assessment;

/// <summary>
/// Turns the replay's timeline records into database rows and its state into the enterprise row's cached columns.
/// The caller says when a row was recorded: the seeder a fixed hour of the row's own date (reproducible data sets),
/// a live write or recompute its clock. Reasons and explanations are stored as JSON here, nowhere in the rules.
/// </summary>
public static class TimelineRows
{
    public static EnterpriseAssessmentRecord Row(AssessmentRecord r, int enterpriseId, DateTime recordedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new()
        {
            EnterpriseId = enterpriseId,
            EffectiveFrom = r.EffectiveFrom,
            Class = r.Class,
            HealthCode = r.HealthCode,
            MapColour = r.MapColour,
            QualityIndex = r.QualityIndex,
            Reason = ReasonJson.Serialize(r.Reason),
            IsOverride = r.IsOverride,
            OverrideExpiresOn = r.OverrideExpiresOn,
            ClassExplanation = ExplanationJson.Serialize(r.ClassExplanations),
            IndexExplanation = ExplanationJson.Serialize(r.IndexExplanation),
            RulesVersion = r.RulesVersion,
            RecordedAtUtc = recordedAtUtc,
        };
    }

    /// <summary>Today's explanations (the replay's final evaluation) into the enterprise's one row of them.</summary>
    public static CurrentExplanation Explanation(ReplayResult result, int enterpriseId, DateOnly today,
        CurrentExplanation? row = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var classExplanation = ExplanationJson.Serialize(result.Final.ClassExplanations);
        var indexExplanation = ExplanationJson.Serialize(result.Final.QualityIndex.Explanation);
        if (row is null)
        {
            return new CurrentExplanation
            {
                EnterpriseId = enterpriseId, EvaluatedOn = today, ClassExplanation = classExplanation,
                IndexExplanation = indexExplanation,
            };
        }

        row.EvaluatedOn = today;
        row.ClassExplanation = classExplanation;
        row.IndexExplanation = indexExplanation;
        return row;
    }

    /// <summary>A rule-derived listing or removal; its document number is left for the register to assign.</summary>
    public static BlacklistEvent Row(ListingRecord r, int enterpriseId, DateTime recordedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new()
        {
            EnterpriseId = enterpriseId,
            Kind = r.Kind,
            Source = BlacklistEventSource.Rule,
            OccurredOn = r.OccurredOn,
            ReasonCategory = r.ReasonCategory,
            Reason = ReasonJson.Serialize(r.Reason),
            Explanation = ExplanationJson.Serialize(r.Explanation),
            DecisionNumber = string.Empty,
            RecordedAtUtc = recordedAtUtc,
        };
    }

    public static AssuredEvent Row(AssuredRecord r, int enterpriseId, DateTime recordedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new()
        {
            EnterpriseId = enterpriseId,
            Kind = r.Kind,
            OccurredOn = r.OccurredOn,
            ValidUntil = r.ValidUntil,
            Reason = ReasonJson.Serialize(r.Reason),
            Explanation = ExplanationJson.Serialize(r.Explanation),
            RecordedAtUtc = recordedAtUtc,
        };
    }

    /// <summary>The state the enterprise row caches.</summary>
    public static EnterpriseState StateOf(Enterprise e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Traceability, e.QualitySystem, e.Class, e.ClassEffectiveFrom, e.HealthCode, e.MapColour,
            e.QualityIndex, e.HighestTier, e.IsBlacklisted, e.BlacklistedSince, e.IsAssured, e.AssuredUntil);
    }

    /// <summary>Copies a state into the enterprise row's cached columns.</summary>
    public static void Apply(Enterprise e, EnterpriseState s)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(s);
        e.Traceability = s.Traceability;
        e.QualitySystem = s.QualitySystem;
        e.Class = s.Class;
        e.ClassEffectiveFrom = s.ClassEffectiveFrom;
        e.HealthCode = s.HealthCode;
        e.MapColour = s.MapColour;
        e.QualityIndex = s.QualityIndex;
        e.HighestTier = s.HighestTier;
        e.IsBlacklisted = s.IsBlacklisted;
        e.BlacklistedSince = s.BlacklistedSince;
        e.IsAssured = s.IsAssured;
        e.AssuredUntil = s.AssuredUntil;
    }
}
