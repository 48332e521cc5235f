namespace ProductQuality.Graph.Assessment;

/// <summary>
/// What a recorded fact touches. <paramref name="ProductsFrom"/>: the day the fact counts from when it is dated
/// before today (a sampling recorded late), so that its products are graded again from that day (null: today).
/// </summary>
public sealed record Touched(
    IReadOnlyCollection<int> EnterpriseIds, IReadOnlyCollection<string> ProductCodes, DateOnly? ProductsFrom = null)
{
    /// <summary>The products are graded because they fell due (the daily re-evaluation), not for a new fact.</summary>
    public bool ProductsDue { get; init; }

    public static Touched Enterprise(int id) => new([id], []);

    public static Touched Product(string code, DateOnly? from = null) => new([], [code], from);
}
