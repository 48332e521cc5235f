using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Access.EnterpriseTokens;

/// <summary>
/// Tokens for one enterprise (configuration section <c>Access:EnterpriseTokens</c>): the data tracker's audience.
/// The identity provider knows departments, not enterprises, so this server issues these tokens itself (the
/// <c>token --enterprise</c> verb) and checks them with its own key; issuer and audience differ from the department
/// tokens' (<c>Auth</c>), so neither kind of token is ever taken for the other.
/// </summary>
public sealed class EnterpriseTokenOptions
{
    /// <summary>The <c>iss</c> of every enterprise token (must differ from <c>Auth:Issuer</c>).</summary>
    public string Issuer { get; set; } = "productquality-graph-enterprise";

    /// <summary>The <c>aud</c> of every enterprise token (must differ from <c>Auth:Audience</c>).</summary>
    public string Audience { get; set; } = "productquality-graph-enterprise";

    /// <summary>
    /// Base64 HMAC-SHA256 key of at least 32 bytes. Required in production (<c>Auth:Authority</c> set): without it
    /// enterprise tokens are neither issued nor accepted. Empty in development: generated once into
    /// <see cref="DevelopmentKeyFile"/>.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Development only: where the generated key is kept (git-ignored data/). Never commit it.</summary>
    public string DevelopmentKeyFile { get; set; } = "data/dev-enterprise-key";

    /// <summary>Lifetime of a token when the regulator names none, in days.</summary>
    [SettingRange(1, 366, Note = "and at most Access:EnterpriseTokens:MaxLifetimeDays")]
    public int DefaultLifetimeDays { get; set; } = 30;

    /// <summary>The longest lifetime a token may be issued for, in days (1 to 366).</summary>
    [SettingRange(1, 366)]
    public int MaxLifetimeDays { get; set; } = 90;
}
