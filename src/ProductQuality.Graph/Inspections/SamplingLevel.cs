namespace ProductQuality.Graph.Inspections;

/// <summary>Which authority's plan a sampling belongs to (抽查类别).</summary>
public enum SamplingLevel
{
    National,
    Provincial,
    City,
    County,
}
