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

    /// <summary>Throws <see cref="UnfinishedSeed"/> for a verb that reads the data set (report, recompute).</summary>
    public static async Task ThrowIfUnfinishedSeedAsync(ProductQualityDbContext db)
    {
        if (await Seeding.DatabaseSeeder.IsUnfinishedAsync(db))
        {
            throw UnfinishedSeed();
        }
    }
}
