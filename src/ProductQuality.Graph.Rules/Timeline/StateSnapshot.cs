using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Timeline;

/// <summary>An enterprise's assessed state from a date on, kept to count regions at past year ends.</summary>
public sealed record StateSnapshot(
    DateOnly From, EnterpriseClass Class, FourColor MapColour, int Index, ProductTier HighestTier);
