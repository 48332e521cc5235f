using ProductQuality.Graph.Rules.Blacklist;

namespace ProductQuality.Graph.Rules.Timeline;

/// <summary>An enforcement decision (处罚决定) with its number.</summary>
public sealed record DecisionFact(DateOnly Date, EnforcementKind Kind, string Number)
{
    /// <summary>The blacklist reason a serious violation gives; null for another penalty, which lists no one.</summary>
    public BlacklistReason? SeriousViolation => Kind switch
    {
        EnforcementKind.UnlicensedProduction => BlacklistReason.UnlicensedProduction,
        EnforcementKind.Counterfeiting => BlacklistReason.Counterfeiting,
        EnforcementKind.IpInfringement => BlacklistReason.IntellectualPropertyInfringement,
        _ => null,
    };
}
