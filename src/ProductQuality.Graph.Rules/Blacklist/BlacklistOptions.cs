using System.ComponentModel.DataAnnotations;

namespace ProductQuality.Graph.Rules.Blacklist;

/// <summary>Windows of the blacklist (黑名单) rule.</summary>
public sealed class BlacklistOptions
{
    /// <summary>
    /// Years after a rectification order (责令整改) in which a new failure of the same product lists the enterprise.
    /// </summary>
    [Range(1, 10)]
    public int RepeatFailureWindowYears { get; set; } = 2;

    /// <summary>Years without a new violation after which a listed enterprise may be removed (整改期).</summary>
    [Range(1, 10)]
    public int RectificationPeriodYears { get; set; } = 2;
}
