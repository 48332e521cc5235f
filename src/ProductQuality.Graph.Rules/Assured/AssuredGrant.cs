using ProductQuality.Graph.Rules.Timeline;

namespace ProductQuality.Graph.Rules.Assured;

/// <summary>A grant of the assured consumption unit title (放心消费单位).</summary>
/// <param name="GrantedOn">First day of validity.</param>
/// <param name="ValidUntil">Last day of validity (inclusive).</param>
public sealed record AssuredGrant(DateOnly GrantedOn, DateOnly ValidUntil)
{
    /// <summary>True when <paramref name="asOf"/> is within the grant (<see cref="InForce"/>).</summary>
    public bool IsActiveOn(DateOnly asOf) => InForce.Within(asOf, GrantedOn, ValidUntil);
}
