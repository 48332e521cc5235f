using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Data;

/// <summary>
/// <c>seed [--enterprises N] [--seed S]</c>: recreates the configured database with a generated data set (by
/// default of Database:SeedEnterprises enterprises from seed Database:SeedRandom).
/// </summary>
internal static class SeedVerb
{
    public static async Task<int> RunAsync(string[] args)
    {
        // Checked before the settings, whose defaults it overrides: Database:SeedEnterprises and Database:SeedRandom.
        var given = CommandLine.Option(args, "--enterprises");
        if (!TryInt(given, 1, out var enterprises) || enterprises is < 1 or > 1_000_000)
        {
            await Console.Error.WriteLineAsync("--enterprises must be a whole number from 1 to 1,000,000.");
            return 2;
        }

        using var host = CommandLine.BuildHost(args);
        using var scope = host.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        enterprises = given is null ? options.SeedEnterprises : enterprises;
        if (!TryInt(CommandLine.Option(args, "--seed"), options.SeedRandom, out var seed))
        {
            await Console.Error.WriteLineAsync("--seed must be a whole number.");
            return 2;
        }

        var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
        DatabaseInitializer.EnsureSqliteFolder(db);
        Console.WriteLine($"Recreating the database ({options.Provider}) and generating {enterprises:N0} enterprises "
            + $"with seed {seed}…");
        await db.Database.EnsureDeletedAsync();
        await db.Database.MigrateAsync();
        await DatabaseInitializer.UseWriteAheadLogAsync(db);
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("seed");
        var request = new DatabaseOptions
        {
            SeedEnterprises = enterprises, SeedRandom = seed, SeedToday = options.SeedToday,
        };
        await SeedHook.SeedAsync(db, request, scope.ServiceProvider, logger, default);
        return 0;
    }

    private static bool TryInt(string? text, int fallback, out int value)
    {
        value = fallback;
        return text is null || int.TryParse(text.Replace(",", "", StringComparison.Ordinal), out value);
    }
}
