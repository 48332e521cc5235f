using GraphQL;
using ProductQuality.Graph.Access;

namespace ProductQuality.Graph.Schema;

/// <summary>Short ways for resolvers to reach the request's audience and services.</summary>
public static class ResolveContextExtensions
{
    public static Audience Audience(this IResolveFieldContext context) =>
        ((GraphQLUserContext)context.UserContext).Audience;

    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();
}
