namespace ProductQuality.Graph.Rules.Products;

/// <summary>What the city knows about one kind of key product (重点工业产品) when grading it.</summary>
public sealed record ProductRiskFacts
{
    /// <summary>Batches sampled by city supervision sampling (监督抽查) in the last three years.</summary>
    public int SampledBatches { get; init; }

    /// <summary>Of those, batches found nonconforming (不合格).</summary>
    public int FailedBatches { get; init; }

    /// <summary>Domestic and foreign risk warnings or recalls (国内外质量安全风险预警/召回) in the last two years.</summary>
    public int RiskWarnings { get; init; }

    /// <summary>Used by children (儿童).</summary>
    public bool ForChildren { get; init; }

    /// <summary>Used by the elderly (老年人).</summary>
    public bool ForElderly { get; init; }

    /// <summary>Safety-critical use: electrical, gas, pressure (电气、燃气、承压).</summary>
    public bool SafetyCritical { get; init; }

    /// <summary>In contact with food (食品接触).</summary>
    public bool FoodContact { get; init; }

    /// <summary>Public complaints about the product (社会关注度).</summary>
    public int Complaints { get; init; }
}
