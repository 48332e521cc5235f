namespace ProductQuality.Graph.Rules.Blacklist;

/// <summary>Whether a blacklist event lists or removes an enterprise. Removal is a new event, never a delete.</summary>
public enum BlacklistEventKind
{
    Listed,
    Removed,
}
