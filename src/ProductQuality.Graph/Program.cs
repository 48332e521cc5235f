using ProductQuality.Graph.Access;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure;
using ProductQuality.Graph.Infrastructure.Http;
using ProductQuality.Graph.Infrastructure.Rules;
using ProductQuality.Graph.Maintenance;
using ProductQuality.Graph.Operations;

return await StartupFailure.GuardAsync(async () =>
{
    if (await CommandLine.TryRunVerbAsync(args) is { } exitCode)
    {
        return exitCode;
    }

    var builder = WebApplication.CreateBuilder(args);
    builder.UseDefaultUrl();
    builder.AddProductQualityRules();
    builder.AddDepartmentAccess();
    builder.AddProductQualityData();
    builder.AddProductQualityGraph();
    builder.AddDailyReEvaluation();
    builder.AddOperations();

    var app = builder.Build();
    app.ValidateSettings();
    app.WarnWhenTheDevelopmentKeySignsOutsideDevelopment();
    await app.InitializeDatabaseAsync();
    app.UseOperations();
    app.MapOperations();
    app.MapProductQualityGraph();
    app.AnnounceEndpointOnStart();
    await app.RunAsync();
    return 0;
});

/// <summary>Entry point; partial so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
