using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Data;

/// <summary>
/// Registers the database: options validated at start, the provider's DbContext, and the start-up initializer.
/// </summary>
public static class DataRegistration
{
    public static IHostApplicationBuilder AddProductQualityData(this IHostApplicationBuilder builder)
    {
        builder.AddCheckedOptions<DatabaseOptions>(DatabaseOptions.Section)
            .ValidateSettingAnnotations(DatabaseOptions.Section)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DatabaseOptions>, ConnectionStringValidation>();

        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()
            ?? new DatabaseOptions();
        // Pooled contexts: the options (provider, interceptors: all singletons) are built once, and a request's
        // context comes with EF's internal services already resolved instead of a new internal scope each time (the
        // contexts hold no state of their own; EF resets the change tracker and settings when one is returned).
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.Services.AddSingleton(sp => new SqlitePageCache(Current(sp).SqlitePageCacheMiB));
                builder.Services.AddDbContextPool<SqliteProductQualityDbContext>((sp, db) =>
                    db.UseSqlite(Current(sp).ConnectionString, sqlite =>
                            // One json_each(@ids) parameter for a key list: EF caches the SQL of such a command. With
                            // EF 10's default (one parameter per key) it regenerates the SQL of every batch-loader
                            // query on every request, under a lock (a third of the status query's time in a profile).
                            sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)
                                .ExecutionStrategy(d => new HeldConnectionStrategy(d)))
                        .EnableThreadSafetyChecks(Current(sp).ThreadSafetyChecks)
                        .AddInterceptors(sp.GetServices<IInterceptor>())
                        .AddInterceptors(SqliteBusyTimeout.Interceptor.Instance)
                        .AddInterceptors(sp.GetRequiredService<SqlitePageCache>())
                        // SQLite cannot add a foreign key in place, so a migration that adds one rebuilds the table. EF
                        // runs the rebuild in a transaction, but the "PRAGMA foreign_keys" statements around it cannot
                        // run inside one, and EF warns. The pragma is a setting of the connection, not of the file, so
                        // a crash leaves nothing half applied; the warning would only alarm operators on every first
                        // start.
                        .ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning))
                        .LeaveFailuresToCallers());
                builder.Services.AddScoped<ProductQualityDbContext>(sp =>
                    sp.GetRequiredService<SqliteProductQualityDbContext>());
                break;
            case DatabaseProvider.Postgres:
                builder.Services.AddSingleton(sp => new PostgresConnectionString(Current(sp).ConnectionString));
                builder.Services.AddDbContextPool<PostgresProductQualityDbContext>((sp, db) =>
                    db.UseNpgsql(sp.GetRequiredService<PostgresConnectionString>().Value)
                        .EnableThreadSafetyChecks(Current(sp).ThreadSafetyChecks)
                        .AddInterceptors(sp.GetServices<IInterceptor>())
                        .LeaveFailuresToCallers());
                builder.Services.AddScoped<ProductQualityDbContext>(sp =>
                    sp.GetRequiredService<PostgresProductQualityDbContext>());
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported; use "
                    + "Sqlite or Postgres.");
        }

        // Ahead of the interceptors registered later (telemetry's, a test's stalled database): it must see a command
        // start before one of them holds it.
        builder.Services.AddSingleton<DatabaseLocks>();
        builder.Services.AddSingleton<IInterceptor, DatabaseWaitInterceptor>();
        builder.Services.AddSingleton<DatabaseProbe>();
        builder.Services.AddSingleton<DatabaseLease>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddCheckedOptions<Infrastructure.Clock.ClockOptions>(Infrastructure.Clock.ClockOptions.Section);
        builder.Services.AddSingleton<Infrastructure.Clock.BureauClock>();
        return builder;
    }

    private static DatabaseOptions Current(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
}
