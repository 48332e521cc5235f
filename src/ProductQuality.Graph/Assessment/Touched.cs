namespace ProductQuality.Graph.Assessment;

/// <summary>What a recorded fact touches: the enterprises to replay and the products to grade again.</summary>
public sealed record Touched(IReadOnlyCollection<int> EnterpriseIds, IReadOnlyCollection<string> ProductCodes)
{
    public static Touched Enterprise(int id) => new([id], []);

    public static Touched Product(string code) => new([], [code]);
}
