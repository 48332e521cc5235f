namespace ProductQuality.Graph.Changes;

/// <summary>
/// One change of one value, appended in the transaction that changed it (<see cref="ChangeLog"/>). From
/// <see cref="EffectiveFrom"/> on the value is <see cref="NewValue"/>, whatever earlier events said of those days;
/// a correction is a change of days the feed had already covered when it was recorded. The id is the feed's order (see
/// <see cref="ChangeLog"/> for why it is commit order).
/// </summary>
public sealed class ChangeEvent
{
    public long Id { get; set; }
    public ChangeKind Kind { get; set; }

    /// <summary>The enterprise of an enterprise change; null for a product's tier.</summary>
    public int? EnterpriseId { get; set; }
    public string? CreditCode { get; set; }

    /// <summary>The enterprise's county (3304xx): a county bureau's feed holds its own county's changes only.</summary>
    public string? CountyCode { get; set; }

    /// <summary>The product of a tier change; null for an enterprise change.</summary>
    public string? ProductCode { get; set; }

    /// <summary>The value in force before, as the feed last said; null when there was none.</summary>
    public string? OldValue { get; set; }
    public required string NewValue { get; set; }
    public DateOnly EffectiveFrom { get; set; }

    /// <summary>Last day of an assured grant; null otherwise.</summary>
    public DateOnly? ValidUntil { get; set; }

    /// <summary>
    /// Whether a late fact revised days the feed had already covered (and superseded the evaluations it reported for
    /// them). The changes of days a stopped server missed, caught up later, are dated back but are not corrections.
    /// </summary>
    public bool Correction { get; set; }

    /// <summary>The reason, as tagged parts (<see cref="Data.ReasonJson"/>), rendered per contract when read.</summary>
    public required string Reason { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}
