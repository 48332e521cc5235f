namespace ProductQuality.Graph.Blacklist;

/// <summary>What a blacklist decision does.</summary>
public enum BlacklistAction
{
    /// <summary>List the enterprise (列入).</summary>
    List,

    /// <summary>Remove the enterprise (移出).</summary>
    Remove,
}
