namespace ProductQuality.Graph.Assessment;

/// <summary>How many evaluations a re-evaluation changed (superseded and appended).</summary>
public sealed record ReEvaluation(int EnterprisesChanged, int ProductsChanged, int RegionsChanged)
{
    public static ReEvaluation None { get; } = new(0, 0, 0);
}
