namespace ProductQuality.Graph.Access.EnterpriseTokens;

/// <summary>
/// The regulator's revocation of an enterprise's tokens (<c>token --revoke CODE</c>): every token issued to the
/// enterprise before <see cref="NotBeforeUtc"/> is refused, on every server of the database, from its next request.
/// A token handed to the wrong person, or to an officer who left the enterprise, otherwise stayed good for up to
/// 90 days. One row per enterprise; revoking again moves the instant on.
/// </summary>
public sealed class EnterpriseTokenRevocation
{
    public required string CreditCode { get; set; }

    /// <summary>Tokens issued before this instant (whole seconds, as a token's <c>iat</c>) no longer pass.</summary>
    public DateTime NotBeforeUtc { get; set; }

    public DateTime RevokedAtUtc { get; set; }
}
