namespace ProductQuality.Graph.Rules.Assured;

/// <summary>Grant, revocation or expiry of the assured-consumption title.</summary>
public enum AssuredEventKind
{
    Granted,
    Revoked,
    Expired,
}
