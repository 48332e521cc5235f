namespace ProductQuality.Graph.Data;

/// <summary>
/// The database is in no state to run against — a server is using the file a seed would delete, a seed is writing
/// it, or a seed stopped half-way — and the message says what to do. No setting is wrong, so it is reported alone,
/// without the paragraph on where settings come from; exit code 3.
/// </summary>
public sealed class DatabaseStateException(string message) : InvalidOperationException(message)
{
    /// <summary>A seed began and did not finish (or is still running): its data is not the data set.</summary>
    public static DatabaseStateException UnfinishedSeed() => new("The database holds a seed that did not finish "
        + "(regions and products but no region assessments, which a seed writes last), or one still running: wait "
        + "for it to end, or recreate the database with the seed verb (dotnet run --project src/ProductQuality.Graph "
        + "-- seed).");

    /// <summary>
    /// Migrated and empty (Database:SeedWhenEmpty=false, or a seed stopped before its first write): recompute
    /// crashed with a stack trace on the missing city, and report printed zeros (the newcomer probe).
    /// </summary>
    public static DatabaseStateException NoDataSet() => new("The database holds no data set (no regions and no "
        + "enterprises): seed it with the seed verb (dotnet run --project src/ProductQuality.Graph -- seed), or start "
        + "the server once with Database:SeedWhenEmpty=true. Check Database:ConnectionString if you meant another "
        + "database.");

    /// <summary>
    /// Throws <see cref="UnfinishedSeed"/> or <see cref="NoDataSet"/> for a verb that reads the data set (report,
    /// recompute).
    /// </summary>
    public static async Task ThrowIfNoDataSetAsync(ProductQualityDbContext db)
    {
        if (await Seeding.DatabaseSeeder.IsUnfinishedAsync(db))
        {
            throw UnfinishedSeed();
        }

        if (await Seeding.DatabaseSeeder.IsEmptyAsync(db))
        {
            throw NoDataSet();
        }
    }
}
