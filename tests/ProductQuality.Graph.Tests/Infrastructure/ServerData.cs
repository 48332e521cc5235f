using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// Direct reads of a test server's database, to choose test subjects and check answers against the rows.
/// </summary>
public static class ServerData
{
    public static async Task<T> DbAsync<T>(this TestServerFactory factory, Func<ProductQualityDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(query);
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>());
    }
}
