using Microsoft.Extensions.Options;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure;
using ProductQuality.Graph.Infrastructure.Http;
using ProductQuality.Graph.Infrastructure.Rules;
using ProductQuality.Graph.Maintenance;
using ProductQuality.Graph.Operations;

namespace ProductQuality.Graph;

/// <summary>
/// The server's composition in one place, so <c>Program.cs</c> and the benchmark host run the same server: a
/// benchmark that composed its own list once missed the operations services and failed its first request.
/// </summary>
internal static class ServerComposition
{
    /// <summary>Every service the server runs with (configuration is the caller's).</summary>
    public static WebApplicationBuilder AddProductQualityServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddProductQualityRules();
        builder.AddDepartmentAccess();
        builder.AddProductQualityData();
        builder.AddProductQualityGraph();
        builder.AddDailyReEvaluation();
        builder.AddOperations();
        // Last: a key is unknown only when no part of the composition reads it.
        UnknownSettings.ThrowIfAny(builder);
        return builder;
    }

    /// <summary>
    /// Checks the settings, prepares the database and maps every endpoint, in the order they depend on.
    /// </summary>
    public static async Task PrepareProductQualityServerAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.ValidateSettings();
        // The schemas are built before the database is touched: a field without a group, or a setting that names a
        // field no schema has (GraphQL:Limits:ListSizes), stops the start as the other settings do.
        _ = app.Services.GetRequiredService<Schema.SchemaRegistry>();
        app.WarnWhenTheDevelopmentKeySignsOutsideDevelopment();
        Infrastructure.Http.ConnectionLimits.WarnWhenAboveTheOpenFileLimit(app);
        await app.InitializeDatabaseAsync();
        await app.ReadDatabaseKeysAsync();
        app.UseOperations();
        app.UseHttpConventions(app.Services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.Path);
        app.MapOperations();
        app.MapProductQualityGraph();
    }
}
