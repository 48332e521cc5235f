
namespace ProductQuality.Graph.Access;

/// <summary>
/// Decides the audience of an HTTP request from its identity, or refuses the request (bad token, unknown department).
/// </summary>
public interface IAudienceResolver
{
    Task<(Audience? Audience, AuthRefusal? Refusal)> ResolveAsync(HttpContext http);
}
