using ProductQuality.Graph.Rules.Timeline;

namespace ProductQuality.Graph.Rules.Common;

/// <summary>
/// A regulator's manual decision that replaces a computed value until it expires
/// (used for product tiers and enterprise classes).
/// </summary>
/// <typeparam name="T">The overridden value's type.</typeparam>
/// <param name="Value">The value that wins while the override is active.</param>
/// <param name="Reason">Why the regulator decided so; it is shown in the explanation.</param>
/// <param name="ExpiresOn">Last day on which the override applies (inclusive).</param>
public sealed record Override<T>(T Value, string Reason, DateOnly ExpiresOn)
{
    /// <summary>True while <paramref name="asOf"/> is on or before <see cref="ExpiresOn"/> (<see cref="InForce"/>).
    /// </summary>
    public bool IsActiveOn(DateOnly asOf) => InForce.Within(asOf, null, ExpiresOn);
}
