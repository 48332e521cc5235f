namespace ProductQuality.Graph.Access;

/// <summary>Until department tokens exist, every caller is treated as the regulator (the full contract).</summary>
internal sealed class RegulatorAudienceResolver : IAudienceResolver
{
    public Audience Resolve(HttpContext http) => Audience.Regulator;
}
