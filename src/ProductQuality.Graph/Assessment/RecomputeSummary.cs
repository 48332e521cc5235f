using System.Globalization;

namespace ProductQuality.Graph.Assessment;

/// <summary>What a recompute looked at and changed.</summary>
public sealed record RecomputeSummary(int Enterprises, int EnterprisesChanged, int Products, int ProductsChanged,
    int RegionsChanged, TimeSpan Elapsed)
{
    public bool ChangedNothing => EnterprisesChanged == 0 && ProductsChanged == 0 && RegionsChanged == 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Recomputed {Enterprises:N0} enterprises ({EnterprisesChanged:N0} changed), "
        + $"{Products:N0} products ({ProductsChanged:N0} re-graded), "
        + $"regions ({RegionsChanged:N0} changed) in {Elapsed.TotalSeconds:N1} s.");
}
