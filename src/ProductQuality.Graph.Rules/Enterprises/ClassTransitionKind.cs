namespace ProductQuality.Graph.Rules.Enterprises;

/// <summary>What the upgrade/downgrade principle (升降原则) did.</summary>
public enum ClassTransitionKind
{
    /// <summary>First evaluation: the conditions' class applies.</summary>
    Initial = 0,

    /// <summary>Same class as before.</summary>
    Unchanged = 1,

    /// <summary>Downgraded, with immediate effect.</summary>
    Downgraded = 2,

    /// <summary>Upgraded: conditions hold and the wait since the last downgrade is over.</summary>
    Upgraded = 3,

    /// <summary>The conditions call for a better class but the wait is not over; the class stays.</summary>
    UpgradeDeferred = 4,

    /// <summary>A manual override (人工调整) is active and decides the class.</summary>
    Overridden = 5,
}
