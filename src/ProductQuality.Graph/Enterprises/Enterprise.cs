using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Enterprises;

/// <summary>
/// A key-product enterprise, keyed by its unified social credit code (统一社会信用代码).
/// Identity and contact facts are stored here; the "current state" columns (class, colours, index, listings)
/// are a cache of the newest rows of the append-only histories, kept so lists can filter and sort in SQL.
/// </summary>
public sealed class Enterprise
{
    public int Id { get; set; }
    public required string CreditCode { get; set; }
    public required string Name { get; set; }
    public required string CountyCode { get; set; }
    public required string TownCode { get; set; }
    public required string Address { get; set; }
    public required string LegalRepresentative { get; set; }
    public required string Phone { get; set; }
    public DateOnly EstablishedOn { get; set; }

    public Traceability Traceability { get; set; }
    public QualitySystem QualitySystem { get; set; }

    public EnterpriseClass Class { get; set; }
    public DateOnly ClassEffectiveFrom { get; set; }
    public FourColor HealthCode { get; set; }
    public FourColor MapColour { get; set; }
    public double QualityIndex { get; set; }
    public ProductTier HighestTier { get; set; }

    public bool IsBlacklisted { get; set; }
    public DateOnly? BlacklistedSince { get; set; }
    public bool IsAssured { get; set; }
    public DateOnly? AssuredUntil { get; set; }

    /// <summary>
    /// The first day on which the cached values or derived histories change without a new fact (a sampling leaves
    /// its window, a deferred upgrade falls due, an override or assured title runs out…), from the last replay; null
    /// when nothing changes until a new fact. The daily re-evaluation picks up every row due by today.
    /// </summary>
    public DateOnly? NextDueOn { get; set; }

    /// <summary>
    /// Incremented by every class override (人工调整); a concurrency token, so two officers overriding the
    /// same enterprise at once cannot silently overwrite each other.
    /// </summary>
    public int OverrideRevision { get; set; }

    public List<EnterpriseProduct> Products { get; set; } = [];
}
