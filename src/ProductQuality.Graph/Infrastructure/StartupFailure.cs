using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Infrastructure;

/// <summary>
/// Settings that fail validation stop the server or a verb with the validation's own words and where settings come
/// from — an operator's mistake, so no stack trace. Exit code 3, distinct from a verb's usage error (2).
/// </summary>
public static class StartupFailure
{
    public const int ExitCode = 3;

    public static async Task<int> GuardAsync(Func<Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            return await run();
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"Configuration error in '{e.OptionsName}': {string.Join(" ", e.Failures)}");
            await Console.Error.WriteLineAsync(
                $"Settings are read from appsettings.json in the current folder ({Directory.GetCurrentDirectory()}), then environment " +
                "variables (e.g. Database__ConnectionString) and --Key=value arguments. Run from the folder that holds appsettings.json " +
                "(dotnet run --project src/ProductQuality.Graph does), or set the values; every setting is described in appsettings.example.json.");
            return ExitCode;
        }
    }
}
