using System.Globalization;

namespace ProductQuality.Graph.Maintenance;

/// <summary>What one run of the daily re-evaluation looked at and changed.</summary>
/// <param name="Enterprises">Due enterprises re-evaluated (makers of a product whose tier changed come on top).</param>
public sealed record DueRunSummary(
    DateOnly Today, int Products, int ProductsChanged, int Enterprises, int EnterprisesChanged, int RegionsChanged,
    int Batches, TimeSpan Elapsed)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Re-evaluated what fell due by {Today:yyyy-MM-dd}: {Products:N0} products ({ProductsChanged:N0} re-graded), " +
        $"{Enterprises:N0} enterprises ({EnterprisesChanged:N0} changed), {RegionsChanged:N0} region assessments, " +
        $"in {Batches:N0} batches and {Elapsed.TotalSeconds:N1} s.");
}
