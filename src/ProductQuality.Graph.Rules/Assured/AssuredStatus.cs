namespace ProductQuality.Graph.Rules.Assured;

/// <summary>What the assured consumption rule decided.</summary>
public enum AssuredStatus
{
    /// <summary>Conditions not met and no active grant.</summary>
    NotEligible = 0,

    /// <summary>Conditions met and no active grant: grant a new one.</summary>
    Granted = 1,

    /// <summary>An active grant stays in force until it expires.</summary>
    Continued = 2,

    /// <summary>An active grant is revoked at once: downgrade below A or a blacklist listing.</summary>
    Revoked = 3,
}
