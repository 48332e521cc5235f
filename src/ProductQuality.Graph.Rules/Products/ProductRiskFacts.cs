namespace ProductQuality.Graph.Rules.Products;

/// <summary>What the city knows about one kind of key product (重点工业产品) when grading it.</summary>
public sealed record ProductRiskFacts
{
    /// <summary>Batches sampled by city supervision sampling (监督抽查) in the last three years.</summary>
    public int SampledBatches { get; init; }

    /// <summary>Of those, batches found nonconforming (不合格).</summary>
    public int FailedBatches { get; init; }

    /// <summary>
    /// Of the failed batches, those that failed at least one safety item (安全项目); the others failed labelling or
    /// other general items only (标识等一般项目) and weigh less.
    /// </summary>
    public int SafetyFailedBatches { get; init; }

    /// <summary>
    /// The city's own risk warning bulletins (警情通报/质量预警) about the product in the last two years. They mostly
    /// restate the city's sampling failures, already counted in the nonconformity rate, so they count separately
    /// and lightly.
    /// </summary>
    public int CityBulletins { get; init; }

    /// <summary>
    /// Domestic and foreign risk warnings and recalls (国内外质量安全风险预警/召回) from outside the city; the rule counts
    /// those published within its look-back window before the grading day.
    /// </summary>
    public IReadOnlyList<ExternalSignal> Signals { get; init; } = [];

    /// <summary>Under production licence management (生产许可证), a trait of the product (产品特点).</summary>
    public bool LicenceRequired { get; init; }

    /// <summary>Under compulsory product certification (CCC), a trait of the product.</summary>
    public bool CccRequired { get; init; }

    /// <summary>The national catalogue's grade (Ⅰ/Ⅱ/Ⅲ); null when the catalogue does not grade the product.</summary>
    public NationalRiskGrade? NationalGrade { get; init; }

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
