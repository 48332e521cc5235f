namespace ProductQuality.Graph.Blacklist;

/// <summary>Where a blacklist event comes from.</summary>
public enum BlacklistEventSource
{
    /// <summary>Derived by the blacklist rule from samplings, rectification orders and decisions.</summary>
    Rule,

    /// <summary>Decided by the regulator and recorded through the API, with its decision number (决定书文号).</summary>
    Decision,
}
