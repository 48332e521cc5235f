using System.Globalization;

namespace ProductQuality.Graph.Maintenance;

/// <summary>
/// What one run of the daily re-evaluation looked at and changed. Each count is of distinct rows, and a changed
/// count is of the rows looked at, except <paramref name="Gradings"/> and <paramref name="RegionsChanged"/>, which
/// count rows added: a product graded for missed days adds a grading for each day its grading changed (the probe's
/// "3,152 re-graded" of 197 products), and a region changed by several batches adds an assessment in each.
/// </summary>
/// <param name="Products">Due products graded.</param>
/// <param name="ProductsChanged">Of <paramref name="Products"/>, those whose gradings changed.</param>
/// <param name="Gradings">Gradings added to those products.</param>
/// <param name="Enterprises">Enterprises re-evaluated, each once: the due ones and the makers of products whose
/// tier changed (replayed with the products, due or not).</param>
/// <param name="EnterprisesDue">Of <paramref name="Enterprises"/>, those that were due.</param>
/// <param name="EnterprisesChanged">Of <paramref name="Enterprises"/>, those whose state or history changed.</param>
/// <param name="RegionsChanged">Region assessments added.</param>
public sealed record DueRunSummary(
    DateOnly Today, int Products, int ProductsChanged, int Gradings, int Enterprises, int EnterprisesDue,
    int EnterprisesChanged, int RegionsChanged, int Batches, TimeSpan Elapsed)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Re-evaluated what fell due by {Today:yyyy-MM-dd}: {Products:N0} products, {ProductsChanged:N0} of them "
        + $"re-graded ({Gradings:N0} gradings added: one for each day a product's grading changed); "
        + $"{Enterprises:N0} enterprises ({EnterprisesDue:N0} due, {Enterprises - EnterprisesDue:N0} more as makers "
        + $"of products whose tier changed), {EnterprisesChanged:N0} of them changed; "
        + $"{RegionsChanged:N0} region assessments added; in {Batches:N0} batches and {Elapsed.TotalSeconds:N1} s.");
}
