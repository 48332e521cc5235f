namespace ProductQuality.Graph.Access;

/// <summary>Decides the audience of an HTTP request from its identity.</summary>
public interface IAudienceResolver
{
    Audience Resolve(HttpContext http);
}
