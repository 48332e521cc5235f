using ProductQuality.Graph;
using ProductQuality.Graph.Infrastructure;
using ProductQuality.Graph.Infrastructure.Listening;

return await StartupFailure.GuardAsync(async () =>
{
    SettingsFileCheck.ThrowIfUnreadable(args);
    if (await CommandLine.TryRunVerbAsync(args) is { } exitCode)
    {
        return exitCode;
    }

    var builder = WebApplication.CreateBuilder(args);
    builder.UseCheckedListenAddresses();
    builder.AddProductQualityServer();

    var app = builder.Build();
    await app.PrepareProductQualityServerAsync();
    app.AnnounceEndpointOnStart();
    await app.RunAsync();
    return 0;
});

/// <summary>Entry point; partial so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
