namespace ProductQuality.Graph.Data.Seeding;

/// <summary>A valid consumer complaint about one of the enterprise's products.</summary>
internal sealed record ComplaintDraft(DateOnly Date, string ProductCode, string Summary);
