namespace ProductQuality.Graph.Rules.Products;

/// <summary>
/// A domestic or foreign risk warning or recall (国内外质量安全风险预警/召回) about a product, from outside the city:
/// SAMR's defective-product recalls, provincial risk monitoring, the EU Safety Gate, US CPSC, Australia's ACCC, OECD
/// GlobalRecalls. The tier explanation names each one by <paramref name="Source"/> and <paramref name="Reference"/>.
/// </summary>
/// <param name="Source">The source's short name as a reader should see it, e.g. "EU Safety Gate".</param>
/// <param name="Reference">The source's own reference, e.g. "SR/01234/25".</param>
/// <param name="PublishedOn">The day the source published it.</param>
/// <param name="Severity">Its risk level.</param>
public sealed record ExternalSignal(string Source, string Reference, DateOnly PublishedOn, SignalSeverity Severity);
