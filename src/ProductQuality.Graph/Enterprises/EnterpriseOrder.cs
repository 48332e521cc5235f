namespace ProductQuality.Graph.Enterprises;

/// <summary>Orders of the enterprise list; each has a stable keyset so cursors stay valid while data changes.</summary>
public enum EnterpriseOrder
{
    NameAsc,
    ClassBestFirst,
    ClassWorstFirst,
    QualityIndexHighFirst,
    QualityIndexLowFirst,
}
