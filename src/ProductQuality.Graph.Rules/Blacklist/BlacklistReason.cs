namespace ProductQuality.Graph.Rules.Blacklist;

/// <summary>Why an enterprise goes on the blacklist (黑名单).</summary>
public enum BlacklistReason
{
    /// <summary>Repeat failure of the same product after a rectification order (屡查屡犯).</summary>
    RepeatFailure = 0,

    /// <summary>Serious violation by decision: unlicensed production (无证生产).</summary>
    UnlicensedProduction = 1,

    /// <summary>Serious violation by decision: counterfeiting (制假售假).</summary>
    Counterfeiting = 2,

    /// <summary>Serious violation by decision: intellectual property infringement (侵犯知识产权).</summary>
    IntellectualPropertyInfringement = 3,
}
