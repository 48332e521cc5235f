using ProductQuality.Graph.Data;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Enterprises;

/// <summary>
/// A manual class decision (人工调整) by the regulator, with its reason, in force from <see cref="EffectiveFrom"/>
/// through <see cref="ExpiresOn"/>. The newest row on a date wins; a row with a null <see cref="Class"/>
/// withdraws the override before its expiry. A fact: never updated or deleted.
/// </summary>
public sealed class ClassOverride : IRecorded
{
    public long Id { get; set; }
    public int EnterpriseId { get; set; }

    /// <summary>The class that replaces the computed one; null withdraws an earlier override.</summary>
    public EnterpriseClass? Class { get; set; }
    public required string Reason { get; set; }
    public DateOnly EffectiveFrom { get; set; }

    /// <summary>Last day the override applies (inclusive).</summary>
    public DateOnly ExpiresOn { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public string? RecordedBy { get; set; }
}
