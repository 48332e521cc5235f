using ProductQuality.Graph.Infrastructure.Loading;

namespace ProductQuality.Graph.Schema;

/// <summary>Per-request services the resolvers use.</summary>
internal static class QueryServices
{
    public static void Register(IServiceCollection services) => services.AddScoped<RequestLoaders>();
}
